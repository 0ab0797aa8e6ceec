<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
        <source>Coreference: who is &quot;it&quot;, who is 他?</source>
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
</context>
<context>
    <name>bertlens::AttentionOverview</name>
    <message>
        <source>Layer %1, head %2 — click to open</source>
        <translation>第 %1 层，第 %2 个头 — 点击打开</translation>
    </message>
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
        <source>Rollout (Abnar &amp; Zuidema 2020): each layer&apos;s mean attention plus the residual path, multiplied through the layers up to this one</source>
        <translation>注意力展开（Abnar 与 Zuidema，2020）：每层各头的平均注意力加上残差通路，逐层相乘直到本层</translation>
    </message>
    <message>
        <source>Sentence %1 — rollout up to layer %2</source>
        <translation>句子 %1 — 展开到第 %2 层</translation>
    </message>
    <message>
        <source>(layer 0 has no attention)</source>
        <translation>（第 0 层没有注意力）</translation>
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
        <source>One row per token and layer: sentence, token index, token, layer, then the vector (d0, d1, …).</source>
        <translation>每个词元、每层一行：句子、词元序号、词元、层，然后是向量（d0、d1、…）。</translation>
    </message>
    <message>
        <source>One row per sentence and layer: sentence, layer, then the pooled vector (d0, d1, …).</source>
        <translation>每个句子、每层一行：句子、层，然后是池化后的向量（d0、d1、…）。</translation>
    </message>
    <message>
        <source>Sentences, tokens and heads count from 0 (the window counts sentences and heads from 1); layer 0 is the embeddings.</source>
        <translation>句子、词元和注意力头从 0 开始编号（窗口中句子和注意力头从 1 开始）；第 0 层是嵌入层。</translation>
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
        <source>%1: cannot open (%2)</source>
        <translation>%1：无法打开（%2）</translation>
    </message>
    <message>
        <source>%1: larger than 4 MB; for corpora use bertlens-cli</source>
        <translation>%1：大于 4 MB；处理语料请使用 bertlens-cli</translation>
    </message>
    <message>
        <source>%1: not valid UTF-8</source>
        <translation>%1：不是有效的 UTF-8</translation>
    </message>
    <message>
        <source>Cannot open the sentences</source>
        <translation>无法打开句子文件</translation>
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
        <source>&lt;b&gt;BertLens&lt;/b&gt;&lt;br&gt;Look inside BERT models: tokens, every layer&apos;s hidden states, every head&apos;s attention, projections and similarities.</source>
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
        <source>CSV files (*.csv);;NumPy arrays (*.npy)</source>
        <translation>CSV 文件 (*.csv);;NumPy 数组 (*.npy)</translation>
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
        <source>Attention, hidden states, projection and similarity by word: pieces merged, Chinese characters grouped into words with jieba&apos;s dictionary where it is installed</source>
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
        <source>Downloading %1: %2 of %3 MB, %4 MB/s, about %5 s left</source>
        <translation>正在下载 %1：%2 / %3 MB，%4 MB/s，约剩 %5 秒</translation>
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
        <source>Or a model of the Hugging Face Hub (downloaded once into its cache; HF_ENDPOINT and HF_TOKEN are used as set):</source>
        <translation>或 Hugging Face Hub 上的模型（只下载一次，存入其缓存；按已设置的 HF_ENDPOINT 和 HF_TOKEN 使用）：</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <source>Open model folder</source>
        <translation>打开模型文件夹</translation>
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
        <source>Image size</source>
        <translation>图像尺寸</translation>
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
        <source>Double-click a token, or type [MASK], to see what the model predicts there.</source>
        <translation>双击一个词元，或输入 [MASK]，即可看到模型在该处的预测。</translation>
    </message>
    <message>
        <source>No predictions: this model has no masked-language-model head.</source>
        <translation>无法预测：此模型没有掩码语言模型头。</translation>
    </message>
    <message>
        <source>Sentence %1, [MASK] at token %2: the model&apos;s predictions</source>
        <translation>句子 %1，第 %2 个词元处的 [MASK]：模型的预测</translation>
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
        <source>The per-layer lens: the same prediction head applied to every layer&apos;s hidden state</source>
        <translation>逐层透视：把同一个预测头用于每一层的隐藏状态</translation>
    </message>
</context>
<context>
    <name>bertlens::ProjectionView</name>
    <message>
        <source>%1 — sentence %2, layer %3
PC1 %4, PC2 %5</source>
        <translation>%1 — 句子 %2，第 %3 层
PC1 %4，PC2 %5</translation>
    </message>
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
        <source>PC%1 (%2% of variance)</source>
        <translation>主成分 %1（解释 %2% 方差）</translation>
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
        <source>Layer %1: the token vectors of every sentence (PCA)</source>
        <translation>第 %1 层：所有句子的词元向量（PCA）</translation>
    </message>
    <message>
        <source>Layer %1: one vector per sentence (PCA)</source>
        <translation>第 %1 层：每句一个向量（PCA）</translation>
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
        <source>Subtract the mean vector of the current set (every token, or every sentence vector) before the cosine: BERT&apos;s vectors share a common direction that makes raw cosines high</source>
        <translation>计算余弦前先减去当前集合（所有词元或所有句向量）的平均向量：BERT 的向量有一个共同方向，使原始余弦值普遍偏高</translation>
    </message>
    <message>
        <source>The mean cosine similarity between different sentences: read the matrix against it</source>
        <translation>不同句子之间的平均余弦相似度：请以此为参照来读矩阵</translation>
    </message>
    <message>
        <source>The mean cosine similarity of this sentence&apos;s tokens with the other sentences&apos; tokens at this layer: read the matrix against it</source>
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
</context>
</TS>
