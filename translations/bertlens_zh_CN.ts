<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExampleSets</name>
    <message>
        <source>Polysemy: one word, two meanings (bank, 打)</source>
        <translation>一词多义：同一个词的两种意思（bank，打）</translation>
    </message>
    <message>
        <source>Agreement across distance (the keys … are)</source>
        <translation>远距离的一致与依存（the keys … are）</translation>
    </message>
    <message>
        <source>Coreference: who is "it", who is 他?</source>
        <translation>指代：“it”指谁，“他”指谁？</translation>
    </message>
    <message>
        <source>Word order: who bit whom</source>
        <translation>语序：谁咬了谁</translation>
    </message>
    <message>
        <source>A sentence pair: [SEP] and segment ids</source>
        <translation>句对：[SEP] 与片段编号</translation>
    </message>
    <message>
        <source>Masked words: what does the model predict?</source>
        <translation>遮盖词：模型预测什么？</translation>
    </message>
</context>
<context>
    <name>bertlens::AnalysisSession</name>
    <message>
        <source>Export cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>尚未加载模型。</translation>
    </message>
    <message>
        <source>checking %1 (%2 of %3)</source>
        <translation>正在检查 %1（第 %2 个，共 %3 个）</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1（第 %2 个，共 %3 个）</translation>
    </message>
    <message>
        <source>waiting: another process is downloading %1 of %2</source>
        <translation>等待中：另一个进程正在下载 %2 的 %1</translation>
    </message>
    <message>
        <source>%1 from %2: retrying in %3 s (attempt %4 of %5, as its Retry-After asks)</source>
        <translation>%2 返回 %1：%3 秒后重试（第 %4 次，共 %5 次，按其 Retry-After 的要求）</translation>
    </message>
    <message>
        <source>%1 from %2: retrying in %3 s (attempt %4 of %5)</source>
        <translation>%2 返回 %1：%3 秒后重试（第 %4 次，共 %5 次）</translation>
    </message>
</context>
<context>
    <name>bertlens::AnalysisView</name>
    <message>
        <source>, by word</source>
        <translation>，按词</translation>
    </message>
    <message>
        <source>, by WordPiece</source>
        <translation>，按 WordPiece</translation>
    </message>
</context>
<context>
    <name>bertlens::AttentionOverview</name>
    <message>
        <source>head</source>
        <translation>注意力头</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>attention weight</source>
        <translation>注意力权重</translation>
    </message>
    <message>
        <source>Sentence %1: every layer (rows) and head (columns); click a map to open it</source>
        <translation>句子 %1：所有层（行）与所有注意力头（列）；点击任一小图即可打开</translation>
    </message>
    <message>
        <source>Sentence %1: the attention of every layer (rows) and head (columns), by WordPiece</source>
        <translation>句子 %1：每一层（行）与每个注意力头（列）的注意力，按 WordPiece</translation>
    </message>
    <message>
        <source>Layer %1, head %2 (knocked out) — click to switch it on again</source>
        <translation>第 %1 层，第 %2 个头（已敲除）— 点击重新打开</translation>
    </message>
    <message>
        <source>Layer %1, head %2 — click to knock it out</source>
        <translation>第 %1 层，第 %2 个头 — 点击敲除</translation>
    </message>
    <message>
        <source>Layer %1, head %2 — click to open, right-click to knock out</source>
        <translation>第 %1 层，第 %2 个头 — 点击打开，右键敲除</translation>
    </message>
    <message>
        <source>Open layer %1, head %2</source>
        <translation>打开第 %1 层第 %2 个头</translation>
    </message>
    <message>
        <source>Switch head %1:%2 on again</source>
        <translation>重新打开头 %1:%2</translation>
    </message>
    <message>
        <source>Knock out head %1:%2</source>
        <translation>敲除头 %1:%2</translation>
    </message>
    <message>
        <source>Switch the FFN of layer %1 on again</source>
        <translation>重新打开第 %1 层的前馈网络</translation>
    </message>
    <message>
        <source>Knock out the FFN of layer %1</source>
        <translation>敲除第 %1 层的前馈网络</translation>
    </message>
    <message>
        <source>Reset the knock-outs</source>
        <translation>撤销全部敲除</translation>
    </message>
    <message>
        <source>Click knocks &amp;out</source>
        <translation>点击即敲除(&amp;O)</translation>
    </message>
    <message>
        <source>On: a click on a map switches that head off (crossed out) or on again, and every view, prediction and similarity follows. Off: a click opens the map.</source>
        <translation>开启时：点击一幅小图即关闭该注意力头（打叉）或重新打开，所有视图、预测和相似度随之更新。关闭时：点击打开该图。</translation>
    </message>
    <message>
        <source>%1 (FFN off)</source>
        <translation>%1（前馈网络已关）</translation>
    </message>
</context>
<context>
    <name>bertlens::AttentionView</name>
    <message>
        <source>Hide [CLS]/[SEP] columns (rows renormalised)</source>
        <translation>隐藏 [CLS]/[SEP] 列（各行重新归一化）</translation>
    </message>
    <message>
        <source>Mean of all heads</source>
        <translation>所有注意力头的平均</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>第 %1 个头</translation>
    </message>
    <message>
        <source>Sentence %1 — layer %2</source>
        <translation>句子 %1 — 第 %2 层</translation>
    </message>
    <message>
        <source>attending token (from)</source>
        <translation>发出注意力的词元（来源）</translation>
    </message>
    <message>
        <source>attended token (to)</source>
        <translation>被关注的词元（目标）</translation>
    </message>
    <message>
        <source>attention weight</source>
        <translation>注意力权重</translation>
    </message>
    <message>
        <source>Attention of the heads</source>
        <translation>各注意力头的注意力</translation>
    </message>
    <message>
        <source>Rollout (attention flow through the layers)</source>
        <translation>注意力展开（逐层传递的注意力）</translation>
    </message>
    <message>
        <source>Rollout (Abnar &amp; Zuidema 2020): each layer's mean attention plus the residual path, multiplied through the layers up to this one</source>
        <translation>注意力展开（Abnar 与 Zuidema，2020）：每层各头的平均注意力加上残差通路，逐层相乘直到本层</translation>
    </message>
    <message>
        <source>Sentence %1 — rollout up to layer %2</source>
        <translation>句子 %1 — 展开到第 %2 层</translation>
    </message>
    <message>
        <source>, mean of the heads</source>
        <translation>，所有注意力头的平均</translation>
    </message>
    <message>
        <source>, head %1</source>
        <translation>，第 %1 个头</translation>
    </message>
    <message>
        <source>Type a sentence to see its attention.</source>
        <translation>输入一个句子，即可看到它的注意力。</translation>
    </message>
    <message>
        <source>layer 0 (the embeddings) has no attention; this is layer 1's, which reads them</source>
        <translation>第 0 层（嵌入层）没有注意力；这里显示的是读取它的第 1 层的注意力</translation>
    </message>
    <message>
        <source>What the map shows</source>
        <translation>图中显示的内容</translation>
    </message>
    <message>
        <source>Attention head</source>
        <translation>注意力头</translation>
    </message>
</context>
<context>
    <name>bertlens::CompareView</name>
    <message>
        <source>Layer of the second model:</source>
        <translation>第二个模型的层：</translation>
    </message>
    <message>
        <source>the same as the first's</source>
        <translation>与第一个模型相同</translation>
    </message>
    <message>
        <source>File → Compare with… opens a second model: the same sentences run through both, and this tab compares their attention and hidden states.</source>
        <translation>“文件 → 与…比较”打开第二个模型：同样的句子经过两个模型，本页比较它们的注意力和隐藏状态。</translation>
    </message>
    <message>
        <source>mean of the heads</source>
        <translation>所有注意力头的平均</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>第 %1 个头</translation>
    </message>
    <message>
        <source>A: %1, layer %2 — B: %3, layer %4 (%5)</source>
        <translation>A：%1，第 %2 层 — B：%3，第 %4 层（%5）</translation>
    </message>
    <message>
        <source>The two tokenizers split the sentences differently: rows are words (pieces merged).</source>
        <translation>两个分词器对句子的切分不同：行是词（合并了片段）。</translation>
    </message>
    <message>
        <source>Left out, since even their words differ between the models: sentence(s) %1.</source>
        <translation>因为两个模型的词也不相同而略去的句子：%1。</translation>
    </message>
    <message>
        <source>The models have vectors of different lengths: no cosine between them; CKA compares them all the same.</source>
        <translation>两个模型的向量长度不同：无法计算它们之间的余弦；CKA 照样可以比较。</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>A: attention</source>
        <translation>A：注意力</translation>
    </message>
    <message>
        <source>B: attention</source>
        <translation>B：注意力</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <source>layer of A</source>
        <translation>A 的层</translation>
    </message>
    <message>
        <source>layer of B</source>
        <translation>B 的层</translation>
    </message>
    <message>
        <source>linear CKA</source>
        <translation>线性 CKA</translation>
    </message>
    <message>
        <source>cosine of A's and B's vectors</source>
        <translation>A 与 B 向量的余弦</translation>
    </message>
    <message>
        <source>No sentence has the same words in both models, so there is nothing to compare.</source>
        <translation>两个模型中没有一个句子的词完全相同，因此无法比较。</translation>
    </message>
    <message>
        <source>Layer of the second model</source>
        <translation>第二个模型的层</translation>
    </message>
</context>
<context>
    <name>bertlens::CorpusSession</name>
    <message>
        <source>Open a model before a corpus.</source>
        <translation>请先打开模型，再打开语料。</translation>
    </message>
    <message>
        <source> (token vectors reduced to %1 dimensions)</source>
        <translation>（词元向量降到 %1 维）</translation>
    </message>
    <message>
        <source>%1: %2 lines, %3 token occurrences at layer %4, %5 in memory%6</source>
        <translation>%1：%2 行，第 %4 层的 %3 个词元出现，占用内存 %5%6</translation>
    </message>
</context>
<context>
    <name>bertlens::CorpusView</name>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Open corpus…</source>
        <translation>打开语料…</translation>
    </message>
    <message>
        <source>A text file, one sentence per line (TEXT or TEXT&lt;TAB&gt;LABEL), up to 100,000 lines</source>
        <translation>文本文件，每行一句（TEXT 或 TEXT&lt;TAB&gt;LABEL），最多 100,000 行</translation>
    </message>
    <message>
        <source>Ring the lines containing a word…</source>
        <translation>圈出包含某个词的行…</translation>
    </message>
    <message>
        <source>Find lines like this one (Enter)…</source>
        <translation>查找与此句相似的行（回车）…</translation>
    </message>
    <message>
        <source>No corpus: open a text file to search it by meaning and see all its lines at once.</source>
        <translation>没有语料：打开一个文本文件，按语义搜索它，并一次看到它的所有行。</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>行</translation>
    </message>
    <message>
        <source>containing “%1”</source>
        <translation>包含“%1”</translation>
    </message>
    <message>
        <source>Click a token in the window: its nearest occurrences in the corpus appear here.</source>
        <translation>在窗口中点击一个词元：它在语料中最相近的出现会显示在这里。</translation>
    </message>
    <message>
        <source>Occurrences nearest to “%1” (cosine; double-click one to add its line to the input):</source>
        <translation>与“%1”最相近的出现（余弦；双击一项把它所在的行加入输入）：</translation>
    </message>
    <message>
        <source>other labels</source>
        <translation>其他标签</translation>
    </message>
    <message>
        <source>Ring the lines containing a word</source>
        <translation>圈出包含某个词的行</translation>
    </message>
    <message>
        <source>Find lines like this one</source>
        <translation>查找与此句相似的行</translation>
    </message>
    <message>
        <source>Corpus lines nearest to the query</source>
        <translation>与查询最相近的语料行</translation>
    </message>
    <message>
        <source>Occurrences nearest to the selected token</source>
        <translation>与所选词元最相近的出现</translation>
    </message>
    <message>
        <source>Map method of the corpus</source>
        <translation>语料的映射方法</translation>
    </message>
    <message>
        <source>Seed of the corpus map</source>
        <translation>语料映射的随机种子</translation>
    </message>
    <message>
        <source>Colour the corpus lines by</source>
        <translation>语料行的着色依据</translation>
    </message>
    <message>
        <source>Colour by label</source>
        <translation>按标签着色</translation>
    </message>
    <message>
        <source>Colour by k-means cluster</source>
        <translation>按 k-means 聚类着色</translation>
    </message>
    <message>
        <source>Number of k-means clusters of the corpus</source>
        <translation>语料的 k-means 聚类数</translation>
    </message>
    <message>
        <source>cluster %1</source>
        <translation>簇 %1</translation>
    </message>
</context>
<context>
    <name>bertlens::ExplainPanel</name>
    <message>
        <source>Occlusion</source>
        <translation>遮挡</translation>
    </message>
    <message>
        <source>Gradient × input</source>
        <translation>梯度 × 输入</translation>
    </message>
    <message>
        <source>Integrated gradients</source>
        <translation>积分梯度</translation>
    </message>
    <message>
        <source>Occlusion: how much the target drops when a token's word embedding is replaced by [PAD]'s.
Gradient × input: the first-order estimate of the same.
Integrated gradients: the gradient averaged along the way from an all-[PAD] input, whose scores add up to the change in the target.</source>
        <translation>遮挡：把一个词元的词嵌入换成 [PAD] 的词嵌入后，目标下降了多少。
梯度 × 输入：同一量的一阶估计。
积分梯度：从全 [PAD] 输入出发沿路径平均的梯度，各词元得分之和等于目标的变化。</translation>
    </message>
    <message>
        <source>the [MASK]'s prediction</source>
        <translation>[MASK] 处的预测</translation>
    </message>
    <message>
        <source>similarity with sentence</source>
        <translation>与句子的相似度</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>方法(&amp;M)：</translation>
    </message>
    <message>
        <source>E&amp;xplain:</source>
        <translation>解释(&amp;X)：</translation>
    </message>
    <message>
        <source>The sentence compared</source>
        <translation>用来比较的句子</translation>
    </message>
    <message>
        <source>Knocked out:</source>
        <translation>已敲除：</translation>
    </message>
    <message>
        <source>layer:head, e.g. 2:1, 3:4</source>
        <translation>层:头，例如 2:1, 3:4</translation>
    </message>
    <message>
        <source>Heads switched off in everything the window computes (layers 1..%1, heads 1..%2); right-click a map in the Overview to knock it out.</source>
        <translation>在窗口的所有计算中关闭的注意力头（层 1..%1，头 1..%2）；也可在“注意力总览”中右键一幅小图来敲除。</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Feed-forward blocks switched off (their layer numbers)</source>
        <translation>关闭的前馈网络（填写层号）</translation>
    </message>
    <message>
        <source>Rese&amp;t</source>
        <translation>撤销(&amp;T)</translation>
    </message>
    <message>
        <source>Switch every head and FFN block on again</source>
        <translation>重新打开所有注意力头和前馈网络</translation>
    </message>
    <message>
        <source>What each head and FFN block contributes to the target: the target minus the target with that one part knocked out</source>
        <translation>每个注意力头和前馈网络对目标的贡献：目标值减去只敲除该部分后的目标值</translation>
    </message>
    <message>
        <source>The tokens coloured by their scores</source>
        <translation>按得分着色的词元</translation>
    </message>
    <message>
        <source>Why did the model say that?</source>
        <translation>模型为什么这样说？</translation>
    </message>
    <message>
        <source>Which tokens make the model predict “%1” at the [MASK] of sentence %2?</source>
        <translation>哪些词元让模型在句子 %2 的 [MASK] 处预测“%1”？</translation>
    </message>
    <message>
        <source>Which tokens make sentences %1 and %2 similar?</source>
        <translation>哪些词元让句子 %1 和句子 %2 相似？</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>log p(%1)</source>
        <translation>log p(%1)</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>%1 = %2 → %3 with the knock-outs</source>
        <translation>%1 = %2 → 敲除后 %3</translation>
    </message>
    <message>
        <source>; at the [PAD] baseline %1, a change of %2; Σ scores = %3 (completeness error %4 %, %5 steps)</source>
        <translation>；在 [PAD] 基线处为 %1，变化 %2；得分之和 Σ = %3（完备性误差 %4 %，%5 步）</translation>
    </message>
    <message>
        <source>; Σ scores = %1</source>
        <translation>；得分之和 Σ = %1</translation>
    </message>
    <message>
        <source>hea&amp;ds</source>
        <translation>注意力头(&amp;D)</translation>
    </message>
    <message>
        <source>FF&amp;N</source>
        <translation>前馈网络(&amp;N)</translation>
    </message>
    <message>
        <source>Head &amp;importance</source>
        <translation>头的重要性(&amp;I)</translation>
    </message>
</context>
<context>
    <name>bertlens::ExplainSession</name>
    <message>
        <source>Open a model and type a sentence.</source>
        <translation>请打开模型并输入一个句子。</translation>
    </message>
    <message>
        <source>Type a sentence to explain.</source>
        <translation>请输入要解释的句子。</translation>
    </message>
    <message>
        <source>This model has no masked-language-model head: nothing to predict.</source>
        <translation>此模型没有掩码语言模型头：没有可解释的预测。</translation>
    </message>
    <message>
        <source>Type a second sentence to explain a similarity.</source>
        <translation>请再输入一个句子，才能解释相似度。</translation>
    </message>
    <message>
        <source>Sentence %1 has no %2: type one, or double-click a token.</source>
        <translation>句子 %1 中没有 %2：请输入一个，或双击一个词元。</translation>
    </message>
</context>
<context>
    <name>bertlens::ExportVectorsDialog</name>
    <message>
        <source>Export vectors</source>
        <translation>导出向量</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>池化方式</translation>
    </message>
    <message>
        <source>0 (embeddings)</source>
        <translation>0（嵌入层）</translation>
    </message>
    <message>
        <source>One row per sentence and layer: sentence, layer, then the pooled vector (d0, d1, …).</source>
        <translation>每个句子、每层一行：句子、层，然后是池化后的向量（d0、d1、…）。</translation>
    </message>
    <message>
        <source>One row per word and layer, as the window shows them (View → Words instead of WordPieces): sentence, word index, word, layer, then the mean of the word's WordPiece vectors (d0, d1, …).</source>
        <translation>每个词、每层一行，与窗口显示的一致（视图 → 按词显示）：句子、词序号、词、层，然后是该词各 WordPiece 向量的平均（d0、d1、…）。</translation>
    </message>
    <message>
        <source>One row per WordPiece and layer: sentence, token index, token, layer, then the vector (d0, d1, …).</source>
        <translation>每个 WordPiece、每层一行：句子、词元序号、词元、层，然后是向量（d0、d1、…）。</translation>
    </message>
    <message>
        <source>Numbered as in the window: sentences from 1, layers 0 (the embeddings) to %1, token positions from 0 ([CLS] = 0).</source>
        <translation>编号与窗口一致：句子从 1 开始，层从 0（嵌入层）到 %1，词元位置从 0 开始（[CLS] = 0）。</translation>
    </message>
    <message>
        <source>CSV (a row per vector)</source>
        <translation>CSV(每个向量一行)</translation>
    </message>
    <message>
        <source>NumPy array (.npy; pooled vectors)</source>
        <translation>NumPy 数组(.npy;池化后的向量)</translation>
    </message>
    <message>
        <source>Embedding Projector (a folder: vectors.tsv, metadata.tsv, projector_config.json)</source>
        <translation>Embedding Projector(一个文件夹:vectors.tsv、metadata.tsv、projector_config.json)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>k-means clusters in the metadata</source>
        <translation>元数据中的 k-means 聚类</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>k-means clusters</source>
        <translation>k-means 聚类</translation>
    </message>
    <message>
        <source>A folder for projector.tensorflow.org (Load: vectors.tsv, then metadata.tsv): a line per %1 and layer; the metadata's columns are text, sentence, token, layer, label and cluster (k-means of each layer's vectors).</source>
        <translation>供 projector.tensorflow.org 使用的文件夹(Load:先 vectors.tsv,再 metadata.tsv):每个%1和每层一行;元数据的列是 text、sentence、token、layer、label 和 cluster(每层向量的 k-means)。</translation>
    </message>
    <message>
        <source>sentence</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>word</source>
        <translation>词</translation>
    </message>
    <message>
        <source>token</source>
        <translation>词元</translation>
    </message>
</context>
<context>
    <name>bertlens::HeadImportanceView</name>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>head</source>
        <translation>注意力头</translation>
    </message>
    <message>
        <source>contribution</source>
        <translation>贡献</translation>
    </message>
    <message>
        <source>Press “Head importance” in the Explain panel: this map then shows what each head and FFN block contributes to its target.</source>
        <translation>在上方的解释面板中按“头的重要性”：此图将显示每个注意力头和前馈网络对目标的贡献。</translation>
    </message>
    <message>
        <source>log p(%1) at the [MASK] of sentence %2</source>
        <translation>句子 %2 的 [MASK] 处的 log p(%1)</translation>
    </message>
    <message>
        <source>What each head (and each layer's FFN, last column) contributes to %1 = %2: the target minus the target with that part knocked out. Positive: the part helps. Click a head to open its map.</source>
        <translation>每个注意力头（以及每层的前馈网络，最后一列）对 %1 = %2 的贡献：目标值减去敲除该部分后的目标值。正值表示该部分有帮助。点击一个头即可打开它的注意力图。</translation>
    </message>
    <message>
        <source> Already knocked out: %1.</source>
        <translation> 已敲除：%1。</translation>
    </message>
    <message>
        <source>FFN</source>
        <translation>前馈网络</translation>
    </message>
    <message>
        <source>Head importance for %1</source>
        <translation>对 %1 的头重要性</translation>
    </message>
    <message>
        <source>the similarity of sentences %1 and %2</source>
        <translation>句子 %1 与句子 %2 的相似度</translation>
    </message>
</context>
<context>
    <name>bertlens::HiddenStateView</name>
    <message>
        <source>token</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>vector norm ‖h‖</source>
        <translation>向量范数 ‖h‖</translation>
    </message>
    <message>
        <source>Sentence %1 — hidden states at layer %2 (0 = embeddings)</source>
        <translation>句子 %1 — 第 %2 层的隐藏状态（0 = 嵌入层）</translation>
    </message>
    <message>
        <source>Type a sentence to see its hidden states.</source>
        <translation>输入一个句子，即可看到它的隐藏状态。</translation>
    </message>
    <message>
        <source>Sentence %1 — the length of each token's vector through the layers</source>
        <translation>句子 %1 — 每个词元的向量长度随层的变化</translation>
    </message>
</context>
<context>
    <name>bertlens::InputPanel</name>
    <message>
        <source>Sentences (one per line, up to %1):</source>
        <translation>句子（每行一句，最多 %1 句）：</translation>
    </message>
    <message>
        <source>Type a sentence, then another on the next line…</source>
        <translation>输入一个句子，下一行再输入另一个…</translation>
    </message>
    <message>
        <source>Sentence pairs: a second text for each line</source>
        <translation>句对：为每一行提供第二段文本</translation>
    </message>
    <message>
        <source>Second text of the pair, line by line</source>
        <translation>句对的第二段文本，逐行对应</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>0 = embeddings; every view shows this layer</source>
        <translation>0 = 嵌入层；所有视图都显示这一层</translation>
    </message>
    <message>
        <source>Analyse (Ctrl+Enter)</source>
        <translation>分析（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>%1 sentences: only the first %2 are analysed.</source>
        <translation>共 %1 句：只分析前 %2 句。</translation>
    </message>
    <message>
        <source>%1: not valid UTF-8</source>
        <translation>%1：不是有效的 UTF-8</translation>
    </message>
    <message>
        <source>Cannot open the sentences</source>
        <translation>无法打开句子文件</translation>
    </message>
    <message>
        <source>; for corpora use bertlens-cli</source>
        <translation>；处理语料请使用 bertlens-cli</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <source>Second texts of the pairs</source>
        <translation>句对的第二段文本</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>One sentence per line; type %1 for a word the model should predict. The views follow 0.3 s after typing stops; Ctrl+Enter at once.</source>
        <translation>每行一句；输入 %1 表示让模型预测的词。停止输入 0.3 秒后各视图随之更新；按 Ctrl+Enter 立即更新。</translation>
    </message>
    <message>
        <source>&amp;Long-sentence window:</source>
        <translation>长句窗口(&amp;L)：</translation>
    </message>
    <message>
        <source>Long sentences are read in overlapping windows of the model's length: which one the views show</source>
        <translation>长句按模型长度切成相互重叠的窗口来读：各视图显示其中哪一个</translation>
    </message>
    <message>
        <source>Window of the long sentences</source>
        <translation>长句的窗口</translation>
    </message>
</context>
<context>
    <name>bertlens::LanguageMenu</name>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
</context>
<context>
    <name>bertlens::MainWindow</name>
    <message>
        <source>Cannot open model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <source>BertLens could not open the model folder
%1

%2</source>
        <translation>BertLens 无法打开模型文件夹
%1

%2</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>About BertLens</source>
        <translation>关于 BertLens</translation>
    </message>
    <message>
        <source>&lt;b&gt;BertLens&lt;/b&gt;&lt;br&gt;Look inside BERT models: tokens, every layer's hidden states, every head's attention, projections and similarities.</source>
        <translation>&lt;b&gt;BertLens&lt;/b&gt;&lt;br&gt;深入观察 BERT 模型：词元、每一层的隐藏状态、每个注意力头的注意力、投影与相似度。</translation>
    </message>
    <message>
        <source>BertLens</source>
        <translation>BertLens</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Recent models</source>
        <translation>最近使用的模型</translation>
    </message>
    <message>
        <source>Export &amp;vectors…</source>
        <translation>导出向量(&amp;V)…</translation>
    </message>
    <message>
        <source>Export &amp;attention…</source>
        <translation>导出注意力(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About BertLens</source>
        <translation>关于 BertLens(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Attention overview</source>
        <translation>注意力总览</translation>
    </message>
    <message>
        <source>Hidden states</source>
        <translation>隐藏状态</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>投影</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>%1 — %2 layers, %3 heads, hidden size %4, %5 M parameters (%6)</source>
        <translation>%1 — %2 层，%3 个注意力头，隐藏维度 %4，%5 M 参数（%6）</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message numerus="yes">
        <source>%n sentence(s)</source>
        <translation>
            <numerusform>%n 个句子</numerusform>
        </translation>
    </message>
    <message>
        <source>Export vectors</source>
        <translation>导出向量</translation>
    </message>
    <message>
        <source>Export attention</source>
        <translation>导出注意力</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Open BertLens &amp;Mini (the built-in model)</source>
        <translation>打开 BertLens &amp;Mini（内置模型）</translation>
    </message>
    <message>
        <source>%1 of %2 sentences (the window takes at most %3)</source>
        <translation>%2 句中的 %1 句（窗口最多分析 %3 句）</translation>
    </message>
    <message>
        <source>&amp;Words instead of WordPieces</source>
        <translation>按词显示（而非 WordPiece）(&amp;W)</translation>
    </message>
    <message>
        <source>Attention, hidden states, projection and similarity by word: pieces merged, Chinese characters grouped into words with jieba's dictionary where it is installed</source>
        <translation>注意力、隐藏状态、投影与相似度均按词显示：合并词片；若安装了结巴词典，则把汉字组合成词</translation>
    </message>
    <message>
        <source>Open &amp;sentences…</source>
        <translation>打开句子文件(&amp;S)…</translation>
    </message>
    <message>
        <source>A text file, one sentence per line; TEXT_A&lt;TAB&gt;TEXT_B for a pair</source>
        <translation>文本文件，每行一句；句对写作 TEXT_A&lt;TAB&gt;TEXT_B</translation>
    </message>
    <message>
        <source>Open sentences</source>
        <translation>打开句子文件</translation>
    </message>
    <message>
        <source>Text files (*.txt *.tsv);;All files (*)</source>
        <translation>文本文件 (*.txt *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open the sentences</source>
        <translation>无法打开句子文件</translation>
    </message>
    <message>
        <source>&amp;Fast arithmetic (bfloat16)</source>
        <translation>快速计算 (bfloat16)(&amp;F)</translation>
    </message>
    <message>
        <source>Matrix products in bfloat16: about 2.5 times faster; every vector within cosine 0.999 of the exact one. Off: exact float32.</source>
        <translation>矩阵乘法使用 bfloat16：约快 2.5 倍；每个向量与精确结果的余弦相似度不低于 0.999。关闭时：精确的 float32。</translation>
    </message>
    <message>
        <source>This CPU has no bfloat16 instructions: BertLens computes in exact float32.</source>
        <translation>此 CPU 没有 bfloat16 指令：BertLens 使用精确的 float32 计算。</translation>
    </message>
    <message>
        <source>, computed in bfloat16</source>
        <translation>，以 bfloat16 计算</translation>
    </message>
    <message>
        <source>&amp;Open model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <source>BertLens Mini, a model of the Hugging Face cache or Hub, or a folder</source>
        <translation>BertLens Mini、Hugging Face 缓存或 Hub 上的模型，或一个文件夹</translation>
    </message>
    <message>
        <source>No model: File → Open model…</source>
        <translation>没有模型：文件 → 打开模型…</translation>
    </message>
    <message>
        <source>&amp;Examples for a lesson</source>
        <translation>课堂示例(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, large fonts, high contrast, side panels hidden; the token under the pointer is selected in every view. Esc leaves.</source>
        <translation>全屏、大字号、高对比度，隐藏侧边面板；鼠标指向的词元在所有视图中被选中。按 Esc 退出。</translation>
    </message>
    <message>
        <source>Zoom &amp;in (presenter mode)</source>
        <translation>放大（演示模式）(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out (presenter mode)</source>
        <translation>缩小（演示模式）(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset zoom (presenter mode)</source>
        <translation>重置缩放（演示模式）(&amp;R)</translation>
    </message>
    <message>
        <source>Walk-through</source>
        <translation>逐步讲解</translation>
    </message>
    <message>
        <source>Open corpus</source>
        <translation>打开语料</translation>
    </message>
    <message>
        <source>Cannot open the corpus</source>
        <translation>无法打开语料</translation>
    </message>
    <message>
        <source>&amp;Compare with…</source>
        <translation>与…比较(&amp;C)</translation>
    </message>
    <message>
        <source>A second model: the same sentences through both, compared in the Compare tab</source>
        <translation>第二个模型：同样的句子经过两个模型，在“比较”页中比较</translation>
    </message>
    <message>
        <source>Close the second model</source>
        <translation>关闭第二个模型</translation>
    </message>
    <message>
        <source>A text file to search by meaning and to see as a whole, in the Corpus tab</source>
        <translation>一个文本文件，在“语料”页中按语义搜索并整体查看</translation>
    </message>
    <message>
        <source>Open sess&amp;ion…</source>
        <translation>打开会话(&amp;I)…</translation>
    </message>
    <message>
        <source>Recent sessions</source>
        <translation>最近的会话</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>语料</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The session's model folder %1 no longer exists.</source>
        <translation>会话中的模型文件夹 %1 已不存在。</translation>
    </message>
    <message>
        <source>Model not found</source>
        <translation>找不到模型</translation>
    </message>
    <message>
        <source>Locate it?</source>
        <translation>要找到它吗？</translation>
    </message>
    <message>
        <source>Locate the model folder</source>
        <translation>找到模型文件夹</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>BertLens sessions (*.bertlens)</source>
        <translation>BertLens 会话 (*.bertlens)</translation>
    </message>
    <message>
        <source>Cannot save the session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>BertLens sessions (*.bertlens);;All files (*)</source>
        <translation>BertLens 会话 (*.bertlens);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot open the session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>Indexing the corpus: %1%, about %2 min left</source>
        <translation>正在为语料建立索引：%1%，约剩 %2 分钟</translation>
    </message>
    <message>
        <source>Indexing the corpus: %1%, about %2 s left</source>
        <translation>正在为语料建立索引：%1%，约剩 %2 秒</translation>
    </message>
    <message>
        <source>BertLens could not download the model %1 from the Hugging Face Hub.

%2</source>
        <translation>BertLens 无法从 Hugging Face Hub 下载模型 %1。

%2</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Downloading %1: %2</source>
        <translation>正在下载 %1：%2</translation>
    </message>
    <message>
        <source>Downloading %1, %6: %2 of %3 MB, %4 MB/s, about %5 s left</source>
        <translation>正在下载 %1，%6：%2 / %3 MB，%4 MB/s，约剩 %5 秒</translation>
    </message>
    <message>
        <source>sentence %1 (%2 of its %3 tokens)</source>
        <translation>句子 %1（共 %3 个词元中的 %2 个）</translation>
    </message>
    <message>
        <source>The model reads at most %1 tokens: only the first are shown of %2.</source>
        <translation>模型最多读取 %1 个词元：以下句子只显示前面部分：%2。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> 以及另外 %n 句</numerusform>
        </translation>
    </message>
    <message>
        <source>Open co&amp;rpus…</source>
        <translation>打开语料(&amp;R)…</translation>
    </message>
    <message>
        <source>Save sessio&amp;n…</source>
        <translation>保存会话(&amp;N)…</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>解释</translation>
    </message>
    <message>
        <source> — knocked out: %1</source>
        <translation> — 已敲除：%1</translation>
    </message>
    <message>
        <source>sentence %1 (%2 tokens: window %3 of %4)</source>
        <translation>句子 %1（%2 个词元：第 %3 个窗口，共 %4 个）</translation>
    </message>
    <message>
        <source>The model reads at most %1 tokens at a time: shown in overlapping windows, %2.</source>
        <translation>模型一次最多读 %1 个词元：按相互重叠的窗口显示，%2。</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>探测</translation>
    </message>
    <message>
        <source>Export for the Embedding Projector: a folder</source>
        <translation>导出给 Embedding Projector:一个文件夹</translation>
    </message>
    <message>
        <source>NumPy arrays (*.npy)</source>
        <translation>NumPy 数组 (*.npy)</translation>
    </message>
    <message>
        <source>Open labelled set</source>
        <translation>打开标注集</translation>
    </message>
    <message>
        <source>Labelled lines (*.tsv *.txt);;All files (*)</source>
        <translation>标注行 (*.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot probe the set</source>
        <translation>无法探测该数据集</translation>
    </message>
</context>
<context>
    <name>bertlens::MapText</name>
    <message>
        <source> (measured on %1 points)</source>
        <translation>(在 %1 个点上测得)</translation>
    </message>
    <message>
        <source>%1, seed %2, from each point's %3 nearest neighbours (%4)</source>
        <translation>%1,种子 %2,基于每个点的 %3 个最近邻(%4)</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>精确</translation>
    </message>
    <message>
        <source>approximate: %1% of the true ones found</source>
        <translation>近似:找到了真实最近邻的 %1%</translation>
    </message>
    <message>
        <source>trustworthiness %1, %2% of each point's %3 nearest kept on the map</source>
        <translation>可信度 %1,每个点的 %3 个最近邻有 %2% 在映射上仍然最近</translation>
    </message>
    <message>
        <source>PCA: trustworthiness %1, %2% of each point's %3 nearest kept on the plane</source>
        <translation>PCA:可信度 %1,每个点的 %3 个最近邻有 %2% 在平面上仍然最近</translation>
    </message>
    <message>
        <source>Computing %1 (seed %2): %3 of %4 steps…</source>
        <translation>正在计算 %1(种子 %2):第 %3 / %4 步…</translation>
    </message>
    <message>
        <source>Computing %1 (seed %2)…</source>
        <translation>正在计算 %1(种子 %2)…</translation>
    </message>
    <message>
        <source>The %1 map was stopped: the PCA plane is shown.</source>
        <translation>%1 映射已停止:显示 PCA 平面。</translation>
    </message>
    <message>
        <source>k-means, k = %1: silhouette %2 (−1 to 1; higher: clusters better apart)</source>
        <translation>k-means,k = %1:轮廓系数 %2(−1 到 1;越高,各簇分得越开)</translation>
    </message>
    <message>
        <source>PC%1 (%2% of variance)</source>
        <translation>PC%1（方差的 %2%）</translation>
    </message>
    <message>
        <source>PCA: the plane of largest variance. UMAP and t-SNE: a map that keeps each point's nearest neighbours (by cosine) near it; distances between far groups mean little.</source>
        <translation>PCA:方差最大的平面。UMAP 和 t-SNE:让每个点的最近邻(按余弦)留在它附近的映射;相距很远的组之间的距离意义不大。</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>种子 </translation>
    </message>
    <message>
        <source>k = </source>
        <translation>k = </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop computing the map (the PCA plane stays)</source>
        <translation>停止计算映射(保留 PCA 平面)</translation>
    </message>
    <message>
        <source>The same seed gives the same map every time: a lesson's map stays as it was.</source>
        <translation>相同的种子每次给出相同的映射:课上的图保持不变。</translation>
    </message>
</context>
<context>
    <name>bertlens::OpenModelDialog</name>
    <message>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>BertLens Mini</source>
        <translation>BertLens Mini</translation>
    </message>
    <message>
        <source>In the Hugging Face cache (%1)</source>
        <translation>Hugging Face 缓存中（%1）</translation>
    </message>
    <message>
        <source>%1 — revision %2, %3 MB</source>
        <translation>%1 — 版本 %2，%3 MB</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <source>e.g. google-bert/bert-base-chinese</source>
        <translation>例如 google-bert/bert-base-chinese</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Open model folder</source>
        <translation>打开模型文件夹</translation>
    </message>
    <message>
        <source>e.g. google-bert/bert-base-chinese, or /path/to/a/model/folder</source>
        <translation>例如 google-bert/bert-base-chinese，或 /模型/文件夹/路径</translation>
    </message>
    <message>
        <source>Or a model of the Hugging Face Hub (downloaded once into its cache; HF_ENDPOINT and HF_TOKEN are used as set), or the path of a model folder:</source>
        <translation>或 Hugging Face Hub 上的模型（只下载一次，存入其缓存；会使用已设置的 HF_ENDPOINT 与 HF_TOKEN），或一个模型文件夹的路径：</translation>
    </message>
    <message>
        <source>%1 is a file: a model is a folder (with config.json and the weights).</source>
        <translation>%1 是一个文件：模型是一个文件夹（包含 config.json 和权重）。</translation>
    </message>
    <message>
        <source>“%1” is not a Hub id (ORGANISATION/NAME: letters, digits, -, _ and .).</source>
        <translation>“%1”不是 Hub 模型名（组织/名称：字母、数字、-、_ 和 .）。</translation>
    </message>
    <message>
        <source>No folder %1, and not a Hub id (ORGANISATION/NAME).</source>
        <translation>没有文件夹 %1，它也不是 Hub 模型名（组织/名称）。</translation>
    </message>
</context>
<context>
    <name>bertlens::PlotWidget</name>
    <message>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>重置缩放</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Save as PNG</source>
        <translation>另存为 PNG</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Save the numbers as CSV…</source>
        <translation>把数值保存为 CSV…</translation>
    </message>
    <message>
        <source>Save the numbers</source>
        <translation>保存数值</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Save the plot as PDF</source>
        <translation>把图保存为 PDF</translation>
    </message>
    <message>
        <source>Save the plot as PNG</source>
        <translation>把图保存为 PNG</translation>
    </message>
    <message>
        <source>The plot is drawn again at this size, with a title that says what it shows:
%1</source>
        <translation>将按此尺寸重新绘制该图，并加上说明其内容的标题：
%1</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>A plot. Ctrl+T shows its numbers as a table; the context menu saves them as CSV.</source>
        <translation>一幅图。按 Ctrl+T 以表格显示其中的数值；右键菜单可将数值保存为 CSV。</translation>
    </message>
    <message>
        <source>The plot's numbers</source>
        <translation>图中的数值</translation>
    </message>
    <message>
        <source>Numbers of: %1</source>
        <translation>数值：%1</translation>
    </message>
    <message>
        <source>Plot: nothing shown yet</source>
        <translation>图：尚无内容</translation>
    </message>
    <message>
        <source>Show the numbers as a table</source>
        <translation>以表格显示数值</translation>
    </message>
</context>
<context>
    <name>bertlens::PredictionsPanel</name>
    <message>
        <source>Prediction</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>概率</translation>
    </message>
    <message>
        <source>This model has no masked-language-model head: %1</source>
        <translation>此模型没有掩码语言模型头：%1</translation>
    </message>
    <message>
        <source>Masked-token predictions</source>
        <translation>掩码词元预测</translation>
    </message>
    <message>
        <source>No predictions: this model has no masked-language-model head.</source>
        <translation>无法预测：此模型没有掩码语言模型头。</translation>
    </message>
    <message>
        <source> (first of %1 masks)</source>
        <translation>（共 %1 个掩码中的第一个）</translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>嵌入层</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>第 %1 名</translation>
    </message>
    <message>
        <source>The per-layer lens: the same prediction head applied to every layer's hidden state</source>
        <translation>逐层透视：把同一个预测头用于每一层的隐藏状态</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>The model's predictions for the [MASK]</source>
        <translation>模型对 [MASK] 的预测</translation>
    </message>
    <message>
        <source>Per-layer lens: the top predictions at every layer</source>
        <translation>逐层透镜：每一层的最高预测</translation>
    </message>
    <message>
        <source>Before the knock-outs</source>
        <translation>敲除之前</translation>
    </message>
    <message>
        <source>&lt; %1%</source>
        <translation>&lt; %1%</translation>
    </message>
    <message>
        <source>Sentence %1, %3 at token %2: the model's predictions</source>
        <translation>句子 %1，第 %2 个词元处的 %3：模型的预测</translation>
    </message>
    <message>
        <source>Double-click a token, or type %1, to see what the model predicts there.</source>
        <translation>双击一个词元，或输入 %1，即可看到模型在该处的预测。</translation>
    </message>
    <message>
        <source>Sentence %1 has no %3; click the %3 of sentence %2 to see its predictions.</source>
        <translation>句子 %1 中没有 %3；点击句子 %2 中的 %3，即可看到它的预测。</translation>
    </message>
</context>
<context>
    <name>bertlens::ProbeSession</name>
    <message>
        <source>Open a model before probing it.</source>
        <translation>请先打开模型再探测。</translation>
    </message>
</context>
<context>
    <name>bertlens::ProbeView</name>
    <message>
        <source>Lesson: statement or question? Same words, another order (English)</source>
        <translation>课例:陈述句还是疑问句?词相同,顺序不同(英语)</translation>
    </message>
    <message>
        <source>Lesson: 很不 or 不很? Same characters, another order (Chinese)</source>
        <translation>课例:“很不”还是“不很”?字相同,顺序不同(汉语)</translation>
    </message>
    <message>
        <source>Labelled set to probe</source>
        <translation>要探测的标注集</translation>
    </message>
    <message>
        <source>Open labelled set…</source>
        <translation>打开标注集…</translation>
    </message>
    <message>
        <source>A text file with one example per line: TEXT&lt;TAB&gt;LABEL, or TEXT&lt;TAB&gt;TEXT_B&lt;TAB&gt;LABEL for pairs</source>
        <translation>每行一个样例的文本文件:文本&lt;TAB&gt;标签;句对则为 文本&lt;TAB&gt;文本B&lt;TAB&gt;标签</translation>
    </message>
    <message>
        <source>Pooling of the sentence vectors</source>
        <translation>句向量的池化方式</translation>
    </message>
    <message>
        <source>Cross-validation folds</source>
        <translation>交叉验证折数</translation>
    </message>
    <message>
        <source>folds: </source>
        <translation>折数:</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Probe every layer</source>
        <translation>探测每一层</translation>
    </message>
    <message>
        <source>Which layer knows the labels? At every layer a linear classifier (a probe) learns the label from the sentence vectors of some lines and is tested on the others (cross-validated). The same probe trained on shuffled labels is the control: what it scores, any vectors let a probe memorise. Accuracy above the control is what the layer knows.</source>
        <translation>哪一层知道这些标签?在每一层,一个线性分类器(探针)用一部分行的句向量学习标签,再在其余行上测试(交叉验证)。用打乱的标签训练的同一探针是对照组:它的得分是任何向量都能让探针“背下来”的部分。高出对照组的准确率,才是这一层真正知道的。</translation>
    </message>
    <message>
        <source>Layer (0 = embeddings)</source>
        <translation>层(0 = 嵌入)</translation>
    </message>
    <message>
        <source>Accuracy on held-out lines (%)</source>
        <translation>留出行上的准确率(%)</translation>
    </message>
    <message>
        <source>Probing…</source>
        <translation>正在探测…</translation>
    </message>
    <message>
        <source>Choose a labelled set and press “Probe every layer”.</source>
        <translation>选择一个标注集,然后点击“探测每一层”。</translation>
    </message>
    <message>
        <source>probe (mean ± sd over the folds)</source>
        <translation>探针(各折的均值 ± 标准差)</translation>
    </message>
    <message>
        <source>control: shuffled labels</source>
        <translation>对照组:打乱的标签</translation>
    </message>
    <message>
        <source>always the most common label: %1%</source>
        <translation>总是回答最常见的标签:%1%</translation>
    </message>
    <message>
        <source>%1: probe accuracy by layer</source>
        <translation>%1:各层的探针准确率</translation>
    </message>
    <message>
        <source>%1 lines, %2 labels, %3 folds. Most above its control: layer %4 (%5% against %6%); the embeddings (layer 0): %7%.</source>
        <translation>%1 行,%2 个标签,%3 折。高出对照组最多的是第 %4 层(%5%,对照 %6%);嵌入层(第 0 层):%7%。</translation>
    </message>
</context>
<context>
    <name>bertlens::ProjectionView</name>
    <message>
        <source>Token vectors (all sentences)</source>
        <translation>词元向量（所有句子）</translation>
    </message>
    <message>
        <source>Sentence vectors</source>
        <translation>句子向量</translation>
    </message>
    <message>
        <source>Trajectory of the selected token</source>
        <translation>所选词元的逐层轨迹</translation>
    </message>
    <message>
        <source>Sentence %1</source>
        <translation>句子 %1</translation>
    </message>
    <message>
        <source>Sentence %1, token %2, layers 0–%3</source>
        <translation>句子 %1，词元 %2，第 0–%3 层</translation>
    </message>
    <message>
        <source>Sentence %1, token %2: its vector through layers 0–%3 (PCA)</source>
        <translation>句子 %1，词元 %2：它在第 0–%3 层的向量（PCA）</translation>
    </message>
    <message>
        <source>Find a word…</source>
        <translation>查找词…</translation>
    </message>
    <message>
        <source>Rings every point of this word</source>
        <translation>圈出这个词的所有点</translation>
    </message>
    <message>
        <source>What the plane shows</source>
        <translation>平面中显示的内容</translation>
    </message>
    <message>
        <source>Pooling of the sentence vectors</source>
        <translation>句向量的池化方式</translation>
    </message>
    <message>
        <source>%1 — sentence %2, layer %3</source>
        <translation>%1 — 句子 %2,第 %3 层</translation>
    </message>
    <message>
        <source>Cluster %1</source>
        <translation>簇 %1</translation>
    </message>
    <message>
        <source>Map method</source>
        <translation>映射方法</translation>
    </message>
    <message>
        <source>Seed of the map</source>
        <translation>映射的随机种子</translation>
    </message>
    <message>
        <source>Colour the points by</source>
        <translation>点的着色依据</translation>
    </message>
    <message>
        <source>Colour by sentence</source>
        <translation>按句子着色</translation>
    </message>
    <message>
        <source>Colour by word</source>
        <translation>按词着色</translation>
    </message>
    <message>
        <source>Colour by k-means cluster</source>
        <translation>按 k-means 聚类着色</translation>
    </message>
    <message>
        <source>Number of k-means clusters</source>
        <translation>k-means 聚类数</translation>
    </message>
    <message>
        <source>Layer %1: the token vectors of every sentence (%2)</source>
        <translation>第 %1 层:所有句子的词元向量(%2)</translation>
    </message>
    <message>
        <source>Layer %1: one vector per sentence (%2)</source>
        <translation>第 %1 层:每个句子一个向量(%2)</translation>
    </message>
    <message>
        <source>Find a word</source>
        <translation>查找词</translation>
    </message>
    <message>
        <source>Leave out special to&amp;kens</source>
        <translation>不含特殊词元(&amp;K)</translation>
    </message>
    <message>
        <source>Map the words only: [CLS], [SEP] and the like form a group of their own that pushes the words together</source>
        <translation>只映射词:[CLS]、[SEP] 等特殊词元自成一组,会把其余的词挤在一起</translation>
    </message>
</context>
<context>
    <name>bertlens::ScoreStrip</name>
    <message>
        <source>%1: score %2</source>
        <translation>%1：得分 %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>bertlens::SimilarityView</name>
    <message>
        <source>Tokens of the selected sentence</source>
        <translation>所选句子的词元</translation>
    </message>
    <message>
        <source>Sentence vectors</source>
        <translation>句子向量</translation>
    </message>
    <message>
        <source>cosine similarity</source>
        <translation>余弦相似度</translation>
    </message>
    <message>
        <source>Centre vectors</source>
        <translation>向量中心化</translation>
    </message>
    <message>
        <source>Subtract the mean vector of the current set (every token, or every sentence vector) before the cosine: BERT's vectors share a common direction that makes raw cosines high</source>
        <translation>计算余弦前先减去当前集合（所有词元或所有句向量）的平均向量：BERT 的向量有一个共同方向，使原始余弦值普遍偏高</translation>
    </message>
    <message>
        <source>The mean cosine similarity between different sentences: read the matrix against it</source>
        <translation>不同句子之间的平均余弦相似度：请以此为参照来读矩阵</translation>
    </message>
    <message>
        <source>The mean cosine similarity of this sentence's tokens with the other sentences' tokens at this layer: read the matrix against it</source>
        <translation>本层中，此句的词元与其他句子的词元之间的平均余弦相似度：请以此为参照来读矩阵</translation>
    </message>
    <message>
        <source>Baseline: needs a second sentence</source>
        <translation>基线：需要第二个句子</translation>
    </message>
    <message>
        <source>Baseline %1</source>
        <translation>基线 %1</translation>
    </message>
    <message>
        <source>Layer %1: cosine similarity of the sentence vectors</source>
        <translation>第 %1 层：句向量之间的余弦相似度</translation>
    </message>
    <message>
        <source>Sentence %1, layer %2: cosine similarity of its tokens</source>
        <translation>句子 %1，第 %2 层：其词元之间的余弦相似度</translation>
    </message>
    <message>
        <source>Tokens across two sentences</source>
        <translation>两个句子之间的词元</translation>
    </message>
    <message>
        <source>The selected word in every sentence</source>
        <translation>所选词在各句中的出现</translation>
    </message>
    <message>
        <source>with sentence </source>
        <translation>对比句子 </translation>
    </message>
    <message>
        <source>The sentence whose tokens are the columns</source>
        <translation>其词元作为列的句子</translation>
    </message>
    <message>
        <source>Layer %1: tokens of sentence %2 (rows) × tokens of sentence %3 (columns)</source>
        <translation>第 %1 层：句子 %2 的词元（行）× 句子 %3 的词元（列）</translation>
    </message>
    <message>
        <source>Click a token to compare its word across the sentences</source>
        <translation>点击一个词元，比较它所在的词在各句中的向量</translation>
    </message>
    <message>
        <source>Layer %1: “%2” in every sentence</source>
        <translation>第 %1 层：“%2”在各句中的出现</translation>
    </message>
    <message>
        <source>What the matrix compares</source>
        <translation>矩阵比较的内容</translation>
    </message>
    <message>
        <source>Pooling of the sentence vectors</source>
        <translation>句向量的池化方式</translation>
    </message>
    <message>
        <source>Sentence of the columns</source>
        <translation>列所对应的句子</translation>
    </message>
</context>
<context>
    <name>bertlens::TokenStrip</name>
    <message>
        <source>%1
id %2 · characters %3–%4 · segment %5</source>
        <translation>%1
编号 %2 · 字符 %3–%4 · 片段 %5</translation>
    </message>
    <message>
        <source>stands for “%1”, which the vocabulary cannot spell</source>
        <translation>代表“%1”，词表无法拼出它</translation>
    </message>
    <message>
        <source>%1, sentence %2, token %3</source>
        <translation>%1，句子 %2，第 %3 个词元</translation>
    </message>
    <message>
        <source>Tokens of every sentence</source>
        <translation>所有句子的词元</translation>
    </message>
</context>
<context>
    <name>bertlens::VectorStrip</name>
    <message numerus="yes">
        <source>(%n value(s))</source>
        <translation>
            <numerusform>（%n 个数）</numerusform>
        </translation>
    </message>
    <message>
        <source>dimension %1: %2</source>
        <translation>第 %1 维：%2</translation>
    </message>
</context>
<context>
    <name>bertlens::ViewStyle</name>
    <message>
        <source>None: one row per token</source>
        <translation>不池化：每个词元一行</translation>
    </message>
    <message>
        <source>[CLS] vector</source>
        <translation>[CLS] 向量</translation>
    </message>
    <message>
        <source>Mean of tokens</source>
        <translation>词元平均</translation>
    </message>
    <message>
        <source>Max of tokens</source>
        <translation>词元最大值</translation>
    </message>
    <message>
        <source>heads %1</source>
        <translation>注意力头 %1</translation>
    </message>
    <message>
        <source>FFN %1</source>
        <translation>前馈网络 %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>bertlens::WalkthroughView</name>
    <message>
        <source>Tokens</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>Q, K, V</source>
        <translation>Q、K、V</translation>
    </message>
    <message>
        <source>Scores → softmax</source>
        <translation>分数 → softmax</translation>
    </message>
    <message>
        <source>Weighted sum</source>
        <translation>加权求和</translation>
    </message>
    <message>
        <source>Add &amp;&amp; norm, feed-forward</source>
        <translation>残差与归一化、前馈</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Previous step (← or Page Up)</source>
        <translation>上一步（← 或 Page Up）</translation>
    </message>
    <message>
        <source>Next step (→ or Page Down)</source>
        <translation>下一步（→ 或 Page Down）</translation>
    </message>
    <message>
        <source>Type a sentence and click one of its tokens: this tab walks through what BERT computes for it.</source>
        <translation>输入一个句子并点击其中一个词元：本页逐步展示 BERT 为它计算的每一步。</translation>
    </message>
    <message>
        <source>Token %1 %2 of the sentence, layer %3 of %4, head %5 of %6 — click another token, or change the layer and head, to follow them here.</source>
        <translation>句子的第 %1 个词元 %2，第 %3 层（共 %4 层），第 %5 个注意力头（共 %6 个）——点击其他词元或更改层和注意力头，本页随之更新。</translation>
    </message>
    <message>
        <source>No sentence yet.</source>
        <translation>还没有句子。</translation>
    </message>
    <message>
        <source>1. From text to tokens</source>
        <translation>1. 从文本到词元</translation>
    </message>
    <message>
        <source>BERT does not read letters: it reads numbers, one per token of a fixed vocabulary. The text is cleaned (lower-cased and accents removed where the model does so, spaces put around punctuation and Chinese characters), split into words, and each word into the longest pieces the vocabulary has, from left to right. A piece inside a word starts with ##.</source>
        <translation>BERT 不读字母，只读数字：固定词表中每个词元对应一个编号。文本先被清理（模型需要时转为小写并去掉重音符号，在标点和汉字两侧加空格），再切分成词，每个词再从左到右切成词表中最长的片段。词内部的片段以 ## 开头。</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Cleaned</source>
        <translation>清理后</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>词</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Second sentence</source>
        <translation>第二个句子</translation>
    </message>
    <message>
        <source>How %1 was split: the longest candidate first, one character shorter until the vocabulary has it, then the same for the rest (with ##):</source>
        <translation>%1 是这样切分的：先试最长的候选，每次缩短一个字符，直到词表中有它；剩下的部分（加 ##）同样处理：</translation>
    </message>
    <message>
        <source>No split exists: the word becomes [UNK].</source>
        <translation>无法切分：这个词变成 [UNK]。</translation>
    </message>
    <message>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>token</source>
        <translation>词元</translation>
    </message>
    <message>
        <source>id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>句段</translation>
    </message>
    <message>
        <source>2. From a token to a vector</source>
        <translation>2. 从词元到向量</translation>
    </message>
    <message>
        <source>The id picks one row of the word-embedding table; the position picks a row of the position table (the only way BERT knows word order); the segment picks a row of the segment table. Each row has H = %1 numbers. The three are added, then LayerNorm rescales the sum: y = γ · (x − mean) / √(variance + ε) + β.</source>
        <translation>编号选出词嵌入表的一行；位置选出位置嵌入表的一行（这是 BERT 知道词序的唯一途径）；句段选出句段嵌入表的一行。每行有 H = %1 个数。三者相加，再由 LayerNorm 重新缩放：y = γ · (x − 均值) / √(方差 + ε) + β。</translation>
    </message>
    <message>
        <source>word embedding of %1 (row %2)</source>
        <translation>%1 的词嵌入（第 %2 行）</translation>
    </message>
    <message>
        <source>+ position embedding (row %1)</source>
        <translation>+ 位置嵌入（第 %1 行）</translation>
    </message>
    <message>
        <source>+ segment embedding (row %1)</source>
        <translation>+ 句段嵌入（第 %1 行）</translation>
    </message>
    <message>
        <source>= sum x</source>
        <translation>= 和 x</translation>
    </message>
    <message>
        <source>LayerNorm: mean of x = %1, variance = %2, ε = %3</source>
        <translation>LayerNorm：x 的均值 = %1，方差 = %2，ε = %3</translation>
    </message>
    <message>
        <source>γ (learned scale)</source>
        <translation>γ（学到的缩放）</translation>
    </message>
    <message>
        <source>β (learned shift)</source>
        <translation>β（学到的平移）</translation>
    </message>
    <message>
        <source>&lt;b&gt;= the layer-0 vector of %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;= %1 的第 0 层向量&lt;/b&gt;</translation>
    </message>
    <message>
        <source>3. Queries, keys and values: layer %1, head %2</source>
        <translation>3. 查询、键和值：第 %1 层，第 %2 个注意力头</translation>
    </message>
    <message>
        <source>Each layer has %1 attention heads. This head multiplies every token's vector x (the layer's input) by three learned matrices: the query q (what this token looks for), the key k (what it offers) and the value v (what it passes on), each with d = H / heads = %2 numbers.</source>
        <translation>每层有 %1 个注意力头。这个头把每个词元的向量 x（该层的输入）乘以三个学到的矩阵：查询 q（这个词元在找什么）、键 k（它能提供什么）和值 v（它传递什么），各有 d = H / 头数 = %2 个数。</translation>
    </message>
    <message>
        <source>K and V in the same way, with their own weights. One row per token:</source>
        <translation>K 和 V 的计算方式相同，用各自的权重。每个词元一行：</translation>
    </message>
    <message>
        <source>q of %1</source>
        <translation>%1 的 q</translation>
    </message>
    <message>
        <source>k of %1</source>
        <translation>%1 的 k</translation>
    </message>
    <message>
        <source>v of %1</source>
        <translation>%1 的 v</translation>
    </message>
    <message>
        <source>4. Who does %1 attend to?</source>
        <translation>4. %1 关注谁？</translation>
    </message>
    <message>
        <source>Its query is compared with every token's key: score&lt;sub&gt;j&lt;/sub&gt; = q · k&lt;sub&gt;j&lt;/sub&gt; / √d, with √d = %1 (keeps the scores from growing with d). Padding tokens would get −∞ added here (the mask); one sentence alone has no padding, so the mask adds 0. Softmax turns the scores into weights that are positive and sum to 1: p&lt;sub&gt;j&lt;/sub&gt; = e&lt;sup&gt;score&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt; / Σ&lt;sub&gt;k&lt;/sub&gt; e&lt;sup&gt;score&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt;.</source>
        <translation>它的查询与每个词元的键比较：分数&lt;sub&gt;j&lt;/sub&gt; = q · k&lt;sub&gt;j&lt;/sub&gt; / √d，其中 √d = %1（避免分数随 d 增大）。填充词元会在这里加上 −∞（掩码）；单个句子没有填充，所以掩码加 0。softmax 把分数变成为正且总和为 1 的权重：p&lt;sub&gt;j&lt;/sub&gt; = e&lt;sup&gt;分数&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt; / Σ&lt;sub&gt;k&lt;/sub&gt; e&lt;sup&gt;分数&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt;。</translation>
    </message>
    <message>
        <source>score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>mask</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>weight p</source>
        <translation>权重 p</translation>
    </message>
    <message>
        <source>This row of weights is row %1 of the Attention tab at layer %2, head %3.</source>
        <translation>这一行权重就是“注意力”页第 %2 层、第 %3 个头的第 %1 行。</translation>
    </message>
    <message>
        <source>Show it in the Attention tab</source>
        <translation>在“注意力”页中查看</translation>
    </message>
    <message>
        <source>5. The weighted sum of the values</source>
        <translation>5. 值的加权求和</translation>
    </message>
    <message>
        <source>The head's output for %1 is the sum of every token's value vector, each multiplied by its weight: c = Σ&lt;sub&gt;j&lt;/sub&gt; p&lt;sub&gt;j&lt;/sub&gt; v&lt;sub&gt;j&lt;/sub&gt;. The tokens with the largest weights:</source>
        <translation>这个头对 %1 的输出是所有词元的值向量乘以各自权重之和：c = Σ&lt;sub&gt;j&lt;/sub&gt; p&lt;sub&gt;j&lt;/sub&gt; v&lt;sub&gt;j&lt;/sub&gt;。权重最大的词元：</translation>
    </message>
    <message numerus="yes">
        <source>+ %n more token(s) with smaller weights</source>
        <translation>
            <numerusform>+ 另外 %n 个权重较小的词元</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;= c, this head's output&lt;/b&gt;</source>
        <translation>&lt;b&gt;= c，这个头的输出&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Every head does the same with its own weights. The %1 outputs of length %2 are put side by side into one vector of length H = %3 and multiplied by W&lt;sub&gt;O&lt;/sub&gt; [%3, %3] (+ b&lt;sub&gt;O&lt;/sub&gt;):</source>
        <translation>每个头都用自己的权重做同样的计算。%1 个长度为 %2 的输出并排拼成一个长度为 H = %3 的向量，再乘以 W&lt;sub&gt;O&lt;/sub&gt; [%3, %3]（+ b&lt;sub&gt;O&lt;/sub&gt;）：</translation>
    </message>
    <message>
        <source>attention output (all heads, after W&lt;sub&gt;O&lt;/sub&gt;)</source>
        <translation>注意力输出（所有头，经过 W&lt;sub&gt;O&lt;/sub&gt;）</translation>
    </message>
    <message>
        <source>6. Add &amp; norm, then the feed-forward network (layer %1)</source>
        <translation>6. 残差与归一化，然后是前馈网络（第 %1 层）</translation>
    </message>
    <message>
        <source>Residual connection: the attention output is added to the layer's input, so the vector is refined, not replaced; then LayerNorm.</source>
        <translation>残差连接：注意力输出加到该层的输入上，向量是被修正而不是被替换；然后做 LayerNorm。</translation>
    </message>
    <message>
        <source>layer input x + attention output</source>
        <translation>层输入 x + 注意力输出</translation>
    </message>
    <message>
        <source>mean = %1, variance = %2</source>
        <translation>均值 = %1，方差 = %2</translation>
    </message>
    <message>
        <source>= after LayerNorm</source>
        <translation>= LayerNorm 之后</translation>
    </message>
    <message>
        <source>The feed-forward network works on each token alone: W₁ widens the vector to F = %1 numbers, the activation (%2) lets mostly positive values through, W₂ brings it back to H = %3.</source>
        <translation>前馈网络对每个词元单独计算：W₁ 把向量扩展到 F = %1 个数，激活函数（%2）主要让正值通过，W₂ 再把它变回 H = %3 个数。</translation>
    </message>
    <message>
        <source>· W₁ + b₁</source>
        <translation>· W₁ + b₁</translation>
    </message>
    <message>
        <source>value before the activation</source>
        <translation>激活前的值</translation>
    </message>
    <message>
        <source>%1(value)</source>
        <translation>%1(值)</translation>
    </message>
    <message>
        <source>= activation (%1 values, red dots above)</source>
        <translation>= 激活（%1 个数，即上图红点）</translation>
    </message>
    <message>
        <source>· W₂ + b₂</source>
        <translation>· W₂ + b₂</translation>
    </message>
    <message>
        <source>+ the normed vector above</source>
        <translation>+ 上面归一化后的向量</translation>
    </message>
    <message>
        <source>&lt;b&gt;= the output of layer %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;= 第 %1 层的输出&lt;/b&gt;</translation>
    </message>
    <message>
        <source>← Previous layer</source>
        <translation>← 上一层</translation>
    </message>
    <message>
        <source>Next layer →</source>
        <translation>下一层 →</translation>
    </message>
    <message>
        <source>7. The contextual embedding</source>
        <translation>7. 上下文嵌入</translation>
    </message>
    <message>
        <source>After all %1 layers the vector of %2 has taken in the whole sentence: this last layer's vector is its contextual embedding. The same word in another sentence gets another vector.</source>
        <translation>经过全部 %1 层之后，%2 的向量已经吸收了整个句子的信息：最后一层的向量就是它的上下文嵌入。同一个词在另一个句子中会得到另一个向量。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 after layer %2&lt;/b&gt;</source>
        <translation>&lt;b&gt;第 %2 层之后的 %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>layer (0 = embeddings)</source>
        <translation>层（0 = 嵌入）</translation>
    </message>
    <message>
        <source>The masked-language-model head turns the vector back into a score for every word of the vocabulary. At this position it guesses: %1</source>
        <translation>掩码语言模型头把向量变回词表中每个词的分数。在这个位置它猜测：%1</translation>
    </message>
    <message>
        <source>(It sees the token itself here; double-click the token to mask it and see what the model expects from the context alone.)</source>
        <translation>（这里模型能看到词元本身；双击该词元把它遮住，就能看到模型仅凭上下文会预测什么。）</translation>
    </message>
    <message>
        <source>This model has no masked-language-model head, so it cannot say which word it expects here (%1).</source>
        <translation>这个模型没有掩码语言模型头，因此无法说出它在这里预期哪个词（%1）。</translation>
    </message>
    <message>
        <source>All vectors in a plane (Projection)</source>
        <translation>所有向量投影到平面（投影）</translation>
    </message>
    <message>
        <source>Every token's vector at every layer (Hidden states)</source>
        <translation>每个词元在每一层的向量（隐藏状态）</translation>
    </message>
    <message>
        <source>length ‖h‖</source>
        <translation>长度 ‖h‖</translation>
    </message>
    <message>
        <source>The length of %1's vector after each layer</source>
        <translation>%1 的向量在每一层之后的长度</translation>
    </message>
    <message>
        <source>The model does not read letters: it reads numbers, one per token of a fixed vocabulary. This tokenizer (byte-level BPE, as RoBERTa's) writes the text's bytes as characters (a space becomes Ġ), splits it into words, and joins neighbouring pieces pair by pair in the order it learned them, as far as its vocabulary goes. A piece that starts a word carries its space (Ġ, shown as a space).</source>
        <translation>模型不读字母，只读数字：固定词表中每个词元对应一个编号。这个分词器（字节级 BPE，与 RoBERTa 相同）把文本的每个字节写成一个字符（空格写成 Ġ），切分成词，再按学到的顺序把相邻片段两两合并，直到词表里没有更长的片段。词开头的片段带着它前面的空格（Ġ，显示为空格）。</translation>
    </message>
    <message>
        <source>The model does not read letters: it reads numbers, one per token of a fixed vocabulary. This tokenizer (SentencePiece's Unigram, as XLM-R's) normalises the text, marks the start of every word with ▁ (shown as a space), and splits each word into the pieces whose probabilities together are the highest.</source>
        <translation>模型不读字母，只读数字：固定词表中每个词元对应一个编号。这个分词器（SentencePiece 的 Unigram，与 XLM-R 相同）先规范化文本，用 ▁ 标出每个词的开头（显示为空格），再把每个词切成概率之积最高的一组片段。</translation>
    </message>
    <message>
        <source>%1 is not from the text: %2 is put first (its last vector is often used for the whole sentence) and %3 after each sentence.</source>
        <translation>%1 不来自文本：%2 放在最前面（它最后一层的向量常用来代表整句），%3 放在每个句子之后。</translation>
    </message>
    <message>
        <source>%1 first, %2 after each sentence; the segment says which sentence a token is in:</source>
        <translation>%1 在最前，%2 在每个句子之后；句段表示词元属于哪个句子：</translation>
    </message>
</context>
</TS>