<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ExampleSets</name>
    <message>
        <source>Polysemy: one word, two meanings (bank, 打)</source>
        <translation>Polysemy: one word, two meanings (bank, 打)</translation>
    </message>
    <message>
        <source>Agreement across distance (the keys … are)</source>
        <translation>Agreement across distance (the keys … are)</translation>
    </message>
    <message>
        <source>Coreference: who is "it", who is 他?</source>
        <translation>Coreference: who is "it", who is 他?</translation>
    </message>
    <message>
        <source>Word order: who bit whom</source>
        <translation>Word order: who bit whom</translation>
    </message>
    <message>
        <source>A sentence pair: [SEP] and segment ids</source>
        <translation>A sentence pair: [SEP] and segment ids</translation>
    </message>
    <message>
        <source>Masked words: what does the model predict?</source>
        <translation>Masked words: what does the model predict?</translation>
    </message>
</context>
<context>
    <name>bertlens::AnalysisSession</name>
    <message>
        <source>Export cancelled.</source>
        <translation>Export cancelled.</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>No model is loaded.</translation>
    </message>
    <message>
        <source>checking %1 (%2 of %3)</source>
        <translation>checking %1 (%2 of %3)</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 of %3)</translation>
    </message>
    <message>
        <source>waiting: another process is downloading %1 of %2</source>
        <translation>waiting: another process is downloading %1 of %2</translation>
    </message>
    <message>
        <source>%1 from %2: retrying in %3 s (attempt %4 of %5, as its Retry-After asks)</source>
        <translation>%1 from %2: retrying in %3 s (attempt %4 of %5, as its Retry-After asks)</translation>
    </message>
    <message>
        <source>%1 from %2: retrying in %3 s (attempt %4 of %5)</source>
        <translation>%1 from %2: retrying in %3 s (attempt %4 of %5)</translation>
    </message>
</context>
<context>
    <name>bertlens::AnalysisView</name>
    <message>
        <source>, by word</source>
        <translation>, by word</translation>
    </message>
    <message>
        <source>, by WordPiece</source>
        <translation>, by WordPiece</translation>
    </message>
</context>
<context>
    <name>bertlens::AttentionOverview</name>
    <message>
        <source>head</source>
        <translation>head</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>layer</translation>
    </message>
    <message>
        <source>attention weight</source>
        <translation>attention weight</translation>
    </message>
    <message>
        <source>Sentence %1: every layer (rows) and head (columns); click a map to open it</source>
        <translation>Sentence %1: every layer (rows) and head (columns); click a map to open it</translation>
    </message>
    <message>
        <source>Sentence %1: the attention of every layer (rows) and head (columns), by WordPiece</source>
        <translation>Sentence %1: the attention of every layer (rows) and head (columns), by WordPiece</translation>
    </message>
    <message>
        <source>Layer %1, head %2 (knocked out) — click to switch it on again</source>
        <translation>Layer %1, head %2 (knocked out) — click to switch it on again</translation>
    </message>
    <message>
        <source>Layer %1, head %2 — click to knock it out</source>
        <translation>Layer %1, head %2 — click to knock it out</translation>
    </message>
    <message>
        <source>Layer %1, head %2 — click to open, right-click to knock out</source>
        <translation>Layer %1, head %2 — click to open, right-click to knock out</translation>
    </message>
    <message>
        <source>Open layer %1, head %2</source>
        <translation>Open layer %1, head %2</translation>
    </message>
    <message>
        <source>Switch head %1:%2 on again</source>
        <translation>Switch head %1:%2 on again</translation>
    </message>
    <message>
        <source>Knock out head %1:%2</source>
        <translation>Knock out head %1:%2</translation>
    </message>
    <message>
        <source>Switch the FFN of layer %1 on again</source>
        <translation>Switch the FFN of layer %1 on again</translation>
    </message>
    <message>
        <source>Knock out the FFN of layer %1</source>
        <translation>Knock out the FFN of layer %1</translation>
    </message>
    <message>
        <source>Reset the knock-outs</source>
        <translation>Reset the knock-outs</translation>
    </message>
    <message>
        <source>Click knocks &amp;out</source>
        <translation>Click knocks &amp;out</translation>
    </message>
    <message>
        <source>On: a click on a map switches that head off (crossed out) or on again, and every view, prediction and similarity follows. Off: a click opens the map.</source>
        <translation>On: a click on a map switches that head off (crossed out) or on again, and every view, prediction and similarity follows. Off: a click opens the map.</translation>
    </message>
    <message>
        <source>%1 (FFN off)</source>
        <translation>%1 (FFN off)</translation>
    </message>
</context>
<context>
    <name>bertlens::AttentionView</name>
    <message>
        <source>Hide [CLS]/[SEP] columns (rows renormalised)</source>
        <translation>Hide [CLS]/[SEP] columns (rows renormalised)</translation>
    </message>
    <message>
        <source>Mean of all heads</source>
        <translation>Mean of all heads</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>Head %1</translation>
    </message>
    <message>
        <source>Sentence %1 — layer %2</source>
        <translation>Sentence %1 — layer %2</translation>
    </message>
    <message>
        <source>attending token (from)</source>
        <translation>attending token (from)</translation>
    </message>
    <message>
        <source>attended token (to)</source>
        <translation>attended token (to)</translation>
    </message>
    <message>
        <source>attention weight</source>
        <translation>attention weight</translation>
    </message>
    <message>
        <source>Attention of the heads</source>
        <translation>Attention of the heads</translation>
    </message>
    <message>
        <source>Rollout (attention flow through the layers)</source>
        <translation>Rollout (attention flow through the layers)</translation>
    </message>
    <message>
        <source>Rollout (Abnar &amp; Zuidema 2020): each layer's mean attention plus the residual path, multiplied through the layers up to this one</source>
        <translation>Rollout (Abnar &amp; Zuidema 2020): each layer's mean attention plus the residual path, multiplied through the layers up to this one</translation>
    </message>
    <message>
        <source>Sentence %1 — rollout up to layer %2</source>
        <translation>Sentence %1 — rollout up to layer %2</translation>
    </message>
    <message>
        <source>, mean of the heads</source>
        <translation>, mean of the heads</translation>
    </message>
    <message>
        <source>, head %1</source>
        <translation>, head %1</translation>
    </message>
    <message>
        <source>Type a sentence to see its attention.</source>
        <translation>Type a sentence to see its attention.</translation>
    </message>
    <message>
        <source>layer 0 (the embeddings) has no attention; this is layer 1's, which reads them</source>
        <translation>layer 0 (the embeddings) has no attention; this is layer 1's, which reads them</translation>
    </message>
    <message>
        <source>What the map shows</source>
        <translation>What the map shows</translation>
    </message>
    <message>
        <source>Attention head</source>
        <translation>Attention head</translation>
    </message>
</context>
<context>
    <name>bertlens::CompareView</name>
    <message>
        <source>Layer of the second model:</source>
        <translation>Layer of the second model:</translation>
    </message>
    <message>
        <source>the same as the first's</source>
        <translation>the same as the first's</translation>
    </message>
    <message>
        <source>File → Compare with… opens a second model: the same sentences run through both, and this tab compares their attention and hidden states.</source>
        <translation>File → Compare with… opens a second model: the same sentences run through both, and this tab compares their attention and hidden states.</translation>
    </message>
    <message>
        <source>mean of the heads</source>
        <translation>mean of the heads</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>head %1</translation>
    </message>
    <message>
        <source>A: %1, layer %2 — B: %3, layer %4 (%5)</source>
        <translation>A: %1, layer %2 — B: %3, layer %4 (%5)</translation>
    </message>
    <message>
        <source>The two tokenizers split the sentences differently: rows are words (pieces merged).</source>
        <translation>The two tokenizers split the sentences differently: rows are words (pieces merged).</translation>
    </message>
    <message>
        <source>Left out, since even their words differ between the models: sentence(s) %1.</source>
        <translation>Left out, since even their words differ between the models: sentence(s) %1.</translation>
    </message>
    <message>
        <source>The models have vectors of different lengths: no cosine between them; CKA compares them all the same.</source>
        <translation>The models have vectors of different lengths: no cosine between them; CKA compares them all the same.</translation>
    </message>
    <message>
        <source>from</source>
        <translation>from</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>A: attention</source>
        <translation>A: attention</translation>
    </message>
    <message>
        <source>B: attention</source>
        <translation>B: attention</translation>
    </message>
    <message>
        <source>B − A</source>
        <translation>B − A</translation>
    </message>
    <message>
        <source>layer of A</source>
        <translation>layer of A</translation>
    </message>
    <message>
        <source>layer of B</source>
        <translation>layer of B</translation>
    </message>
    <message>
        <source>linear CKA</source>
        <translation>linear CKA</translation>
    </message>
    <message>
        <source>cosine of A's and B's vectors</source>
        <translation>cosine of A's and B's vectors</translation>
    </message>
    <message>
        <source>No sentence has the same words in both models, so there is nothing to compare.</source>
        <translation>No sentence has the same words in both models, so there is nothing to compare.</translation>
    </message>
    <message>
        <source>Layer of the second model</source>
        <translation>Layer of the second model</translation>
    </message>
</context>
<context>
    <name>bertlens::CorpusSession</name>
    <message>
        <source>Open a model before a corpus.</source>
        <translation>Open a model before a corpus.</translation>
    </message>
    <message>
        <source> (token vectors reduced to %1 dimensions)</source>
        <translation> (token vectors reduced to %1 dimensions)</translation>
    </message>
    <message>
        <source>%1: %2 lines, %3 token occurrences at layer %4, %5 in memory%6</source>
        <translation>%1: %2 lines, %3 token occurrences at layer %4, %5 in memory%6</translation>
    </message>
</context>
<context>
    <name>bertlens::CorpusView</name>
    <message>
        <source>line %1: %2</source>
        <translation>line %1: %2</translation>
    </message>
    <message>
        <source>Open corpus…</source>
        <translation>Open corpus…</translation>
    </message>
    <message>
        <source>A text file, one sentence per line (TEXT or TEXT&lt;TAB&gt;LABEL), up to 100,000 lines</source>
        <translation>A text file, one sentence per line (TEXT or TEXT&lt;TAB&gt;LABEL), up to 100,000 lines</translation>
    </message>
    <message>
        <source>Ring the lines containing a word…</source>
        <translation>Ring the lines containing a word…</translation>
    </message>
    <message>
        <source>Find lines like this one (Enter)…</source>
        <translation>Find lines like this one (Enter)…</translation>
    </message>
    <message>
        <source>No corpus: open a text file to search it by meaning and see all its lines at once.</source>
        <translation>No corpus: open a text file to search it by meaning and see all its lines at once.</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>lines</translation>
    </message>
    <message>
        <source>containing “%1”</source>
        <translation>containing “%1”</translation>
    </message>
    <message>
        <source>Click a token in the window: its nearest occurrences in the corpus appear here.</source>
        <translation>Click a token in the window: its nearest occurrences in the corpus appear here.</translation>
    </message>
    <message>
        <source>Occurrences nearest to “%1” (cosine; double-click one to add its line to the input):</source>
        <translation>Occurrences nearest to “%1” (cosine; double-click one to add its line to the input):</translation>
    </message>
    <message>
        <source>other labels</source>
        <translation>other labels</translation>
    </message>
    <message>
        <source>Ring the lines containing a word</source>
        <translation>Ring the lines containing a word</translation>
    </message>
    <message>
        <source>Find lines like this one</source>
        <translation>Find lines like this one</translation>
    </message>
    <message>
        <source>Corpus lines nearest to the query</source>
        <translation>Corpus lines nearest to the query</translation>
    </message>
    <message>
        <source>Occurrences nearest to the selected token</source>
        <translation>Occurrences nearest to the selected token</translation>
    </message>
    <message>
        <source>Map method of the corpus</source>
        <translation>Map method of the corpus</translation>
    </message>
    <message>
        <source>Seed of the corpus map</source>
        <translation>Seed of the corpus map</translation>
    </message>
    <message>
        <source>Colour the corpus lines by</source>
        <translation>Colour the corpus lines by</translation>
    </message>
    <message>
        <source>Colour by label</source>
        <translation>Colour by label</translation>
    </message>
    <message>
        <source>Colour by k-means cluster</source>
        <translation>Colour by k-means cluster</translation>
    </message>
    <message>
        <source>Number of k-means clusters of the corpus</source>
        <translation>Number of k-means clusters of the corpus</translation>
    </message>
    <message>
        <source>cluster %1</source>
        <translation>cluster %1</translation>
    </message>
</context>
<context>
    <name>bertlens::ExplainPanel</name>
    <message>
        <source>Occlusion</source>
        <translation>Occlusion</translation>
    </message>
    <message>
        <source>Gradient × input</source>
        <translation>Gradient × input</translation>
    </message>
    <message>
        <source>Integrated gradients</source>
        <translation>Integrated gradients</translation>
    </message>
    <message>
        <source>Occlusion: how much the target drops when a token's word embedding is replaced by [PAD]'s.
Gradient × input: the first-order estimate of the same.
Integrated gradients: the gradient averaged along the way from an all-[PAD] input, whose scores add up to the change in the target.</source>
        <translation>Occlusion: how much the target drops when a token's word embedding is replaced by [PAD]'s.
Gradient × input: the first-order estimate of the same.
Integrated gradients: the gradient averaged along the way from an all-[PAD] input, whose scores add up to the change in the target.</translation>
    </message>
    <message>
        <source>the [MASK]'s prediction</source>
        <translation>the [MASK]'s prediction</translation>
    </message>
    <message>
        <source>similarity with sentence</source>
        <translation>similarity with sentence</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Method:</translation>
    </message>
    <message>
        <source>E&amp;xplain:</source>
        <translation>E&amp;xplain:</translation>
    </message>
    <message>
        <source>The sentence compared</source>
        <translation>The sentence compared</translation>
    </message>
    <message>
        <source>Knocked out:</source>
        <translation>Knocked out:</translation>
    </message>
    <message>
        <source>layer:head, e.g. 2:1, 3:4</source>
        <translation>layer:head, e.g. 2:1, 3:4</translation>
    </message>
    <message>
        <source>Heads switched off in everything the window computes (layers 1..%1, heads 1..%2); right-click a map in the Overview to knock it out.</source>
        <translation>Heads switched off in everything the window computes (layers 1..%1, heads 1..%2); right-click a map in the Overview to knock it out.</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>layers</translation>
    </message>
    <message>
        <source>Feed-forward blocks switched off (their layer numbers)</source>
        <translation>Feed-forward blocks switched off (their layer numbers)</translation>
    </message>
    <message>
        <source>Rese&amp;t</source>
        <translation>Rese&amp;t</translation>
    </message>
    <message>
        <source>Switch every head and FFN block on again</source>
        <translation>Switch every head and FFN block on again</translation>
    </message>
    <message>
        <source>What each head and FFN block contributes to the target: the target minus the target with that one part knocked out</source>
        <translation>What each head and FFN block contributes to the target: the target minus the target with that one part knocked out</translation>
    </message>
    <message>
        <source>The tokens coloured by their scores</source>
        <translation>The tokens coloured by their scores</translation>
    </message>
    <message>
        <source>Why did the model say that?</source>
        <translation>Why did the model say that?</translation>
    </message>
    <message>
        <source>Which tokens make the model predict “%1” at the [MASK] of sentence %2?</source>
        <translation>Which tokens make the model predict “%1” at the [MASK] of sentence %2?</translation>
    </message>
    <message>
        <source>Which tokens make sentences %1 and %2 similar?</source>
        <translation>Which tokens make sentences %1 and %2 similar?</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>log p(%1)</source>
        <translation>log p(%1)</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>cosine</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>%1 = %2 → %3 with the knock-outs</source>
        <translation>%1 = %2 → %3 with the knock-outs</translation>
    </message>
    <message>
        <source>; at the [PAD] baseline %1, a change of %2; Σ scores = %3 (completeness error %4 %, %5 steps)</source>
        <translation>; at the [PAD] baseline %1, a change of %2; Σ scores = %3 (completeness error %4 %, %5 steps)</translation>
    </message>
    <message>
        <source>; Σ scores = %1</source>
        <translation>; Σ scores = %1</translation>
    </message>
    <message>
        <source>hea&amp;ds</source>
        <translation>hea&amp;ds</translation>
    </message>
    <message>
        <source>FF&amp;N</source>
        <translation>FF&amp;N</translation>
    </message>
    <message>
        <source>Head &amp;importance</source>
        <translation>Head &amp;importance</translation>
    </message>
</context>
<context>
    <name>bertlens::ExplainSession</name>
    <message>
        <source>Open a model and type a sentence.</source>
        <translation>Open a model and type a sentence.</translation>
    </message>
    <message>
        <source>Type a sentence to explain.</source>
        <translation>Type a sentence to explain.</translation>
    </message>
    <message>
        <source>This model has no masked-language-model head: nothing to predict.</source>
        <translation>This model has no masked-language-model head: nothing to predict.</translation>
    </message>
    <message>
        <source>Type a second sentence to explain a similarity.</source>
        <translation>Type a second sentence to explain a similarity.</translation>
    </message>
    <message>
        <source>Sentence %1 has no %2: type one, or double-click a token.</source>
        <translation>Sentence %1 has no %2: type one, or double-click a token.</translation>
    </message>
</context>
<context>
    <name>bertlens::ExportVectorsDialog</name>
    <message>
        <source>Export vectors</source>
        <translation>Export vectors</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Layers</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>Pooling</translation>
    </message>
    <message>
        <source>0 (embeddings)</source>
        <translation>0 (embeddings)</translation>
    </message>
    <message>
        <source>One row per sentence and layer: sentence, layer, then the pooled vector (d0, d1, …).</source>
        <translation>One row per sentence and layer: sentence, layer, then the pooled vector (d0, d1, …).</translation>
    </message>
    <message>
        <source>One row per word and layer, as the window shows them (View → Words instead of WordPieces): sentence, word index, word, layer, then the mean of the word's WordPiece vectors (d0, d1, …).</source>
        <translation>One row per word and layer, as the window shows them (View → Words instead of WordPieces): sentence, word index, word, layer, then the mean of the word's WordPiece vectors (d0, d1, …).</translation>
    </message>
    <message>
        <source>One row per WordPiece and layer: sentence, token index, token, layer, then the vector (d0, d1, …).</source>
        <translation>One row per WordPiece and layer: sentence, token index, token, layer, then the vector (d0, d1, …).</translation>
    </message>
    <message>
        <source>Numbered as in the window: sentences from 1, layers 0 (the embeddings) to %1, token positions from 0 ([CLS] = 0).</source>
        <translation>Numbered as in the window: sentences from 1, layers 0 (the embeddings) to %1, token positions from 0 ([CLS] = 0).</translation>
    </message>
    <message>
        <source>CSV (a row per vector)</source>
        <translation>CSV (a row per vector)</translation>
    </message>
    <message>
        <source>NumPy array (.npy; pooled vectors)</source>
        <translation>NumPy array (.npy; pooled vectors)</translation>
    </message>
    <message>
        <source>Embedding Projector (a folder: vectors.tsv, metadata.tsv, projector_config.json)</source>
        <translation>Embedding Projector (a folder: vectors.tsv, metadata.tsv, projector_config.json)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>k-means clusters in the metadata</source>
        <translation>k-means clusters in the metadata</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>k-means clusters</source>
        <translation>k-means clusters</translation>
    </message>
    <message>
        <source>A folder for projector.tensorflow.org (Load: vectors.tsv, then metadata.tsv): a line per %1 and layer; the metadata's columns are text, sentence, token, layer, label and cluster (k-means of each layer's vectors).</source>
        <translation>A folder for projector.tensorflow.org (Load: vectors.tsv, then metadata.tsv): a line per %1 and layer; the metadata's columns are text, sentence, token, layer, label and cluster (k-means of each layer's vectors).</translation>
    </message>
    <message>
        <source>sentence</source>
        <translation>sentence</translation>
    </message>
    <message>
        <source>word</source>
        <translation>word</translation>
    </message>
    <message>
        <source>token</source>
        <translation>token</translation>
    </message>
</context>
<context>
    <name>bertlens::HeadImportanceView</name>
    <message>
        <source>layer</source>
        <translation>layer</translation>
    </message>
    <message>
        <source>head</source>
        <translation>head</translation>
    </message>
    <message>
        <source>contribution</source>
        <translation>contribution</translation>
    </message>
    <message>
        <source>Press “Head importance” in the Explain panel: this map then shows what each head and FFN block contributes to its target.</source>
        <translation>Press “Head importance” in the Explain panel: this map then shows what each head and FFN block contributes to its target.</translation>
    </message>
    <message>
        <source>log p(%1) at the [MASK] of sentence %2</source>
        <translation>log p(%1) at the [MASK] of sentence %2</translation>
    </message>
    <message>
        <source>What each head (and each layer's FFN, last column) contributes to %1 = %2: the target minus the target with that part knocked out. Positive: the part helps. Click a head to open its map.</source>
        <translation>What each head (and each layer's FFN, last column) contributes to %1 = %2: the target minus the target with that part knocked out. Positive: the part helps. Click a head to open its map.</translation>
    </message>
    <message>
        <source> Already knocked out: %1.</source>
        <translation> Already knocked out: %1.</translation>
    </message>
    <message>
        <source>FFN</source>
        <translation>FFN</translation>
    </message>
    <message>
        <source>Head importance for %1</source>
        <translation>Head importance for %1</translation>
    </message>
    <message>
        <source>the similarity of sentences %1 and %2</source>
        <translation>the similarity of sentences %1 and %2</translation>
    </message>
</context>
<context>
    <name>bertlens::HiddenStateView</name>
    <message>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>dimension</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>activation</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>layer</translation>
    </message>
    <message>
        <source>vector norm ‖h‖</source>
        <translation>vector norm ‖h‖</translation>
    </message>
    <message>
        <source>Sentence %1 — hidden states at layer %2 (0 = embeddings)</source>
        <translation>Sentence %1 — hidden states at layer %2 (0 = embeddings)</translation>
    </message>
    <message>
        <source>Type a sentence to see its hidden states.</source>
        <translation>Type a sentence to see its hidden states.</translation>
    </message>
    <message>
        <source>Sentence %1 — the length of each token's vector through the layers</source>
        <translation>Sentence %1 — the length of each token's vector through the layers</translation>
    </message>
</context>
<context>
    <name>bertlens::InputPanel</name>
    <message>
        <source>Sentences (one per line, up to %1):</source>
        <translation>Sentences (one per line, up to %1):</translation>
    </message>
    <message>
        <source>Type a sentence, then another on the next line…</source>
        <translation>Type a sentence, then another on the next line…</translation>
    </message>
    <message>
        <source>Sentence pairs: a second text for each line</source>
        <translation>Sentence pairs: a second text for each line</translation>
    </message>
    <message>
        <source>Second text of the pair, line by line</source>
        <translation>Second text of the pair, line by line</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>Layer:</translation>
    </message>
    <message>
        <source>0 = embeddings; every view shows this layer</source>
        <translation>0 = embeddings; every view shows this layer</translation>
    </message>
    <message>
        <source>Analyse (Ctrl+Enter)</source>
        <translation>Analyse (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>%1 sentences: only the first %2 are analysed.</source>
        <translation>%1 sentences: only the first %2 are analysed.</translation>
    </message>
    <message>
        <source>%1: not valid UTF-8</source>
        <translation>%1: not valid UTF-8</translation>
    </message>
    <message>
        <source>Cannot open the sentences</source>
        <translation>Cannot open the sentences</translation>
    </message>
    <message>
        <source>; for corpora use bertlens-cli</source>
        <translation>; for corpora use bertlens-cli</translation>
    </message>
    <message>
        <source>Sentences</source>
        <translation>Sentences</translation>
    </message>
    <message>
        <source>Second texts of the pairs</source>
        <translation>Second texts of the pairs</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>One sentence per line; type %1 for a word the model should predict. The views follow 0.3 s after typing stops; Ctrl+Enter at once.</source>
        <translation>One sentence per line; type %1 for a word the model should predict. The views follow 0.3 s after typing stops; Ctrl+Enter at once.</translation>
    </message>
    <message>
        <source>&amp;Long-sentence window:</source>
        <translation>&amp;Long-sentence window:</translation>
    </message>
    <message>
        <source>Long sentences are read in overlapping windows of the model's length: which one the views show</source>
        <translation>Long sentences are read in overlapping windows of the model's length: which one the views show</translation>
    </message>
    <message>
        <source>Window of the long sentences</source>
        <translation>Window of the long sentences</translation>
    </message>
</context>
<context>
    <name>bertlens::LanguageMenu</name>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
</context>
<context>
    <name>bertlens::MainWindow</name>
    <message>
        <source>Cannot open model</source>
        <translation>Cannot open model</translation>
    </message>
    <message>
        <source>BertLens could not open the model folder
%1

%2</source>
        <translation>BertLens could not open the model folder
%1

%2</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>Exported %1</translation>
    </message>
    <message>
        <source>About BertLens</source>
        <translation>About BertLens</translation>
    </message>
    <message>
        <source>&lt;b&gt;BertLens&lt;/b&gt;&lt;br&gt;Look inside BERT models: tokens, every layer's hidden states, every head's attention, projections and similarities.</source>
        <translation>&lt;b&gt;BertLens&lt;/b&gt;&lt;br&gt;Look inside BERT models: tokens, every layer's hidden states, every head's attention, projections and similarities.</translation>
    </message>
    <message>
        <source>BertLens</source>
        <translation>BertLens</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Recent models</source>
        <translation>Recent models</translation>
    </message>
    <message>
        <source>Export &amp;vectors…</source>
        <translation>Export &amp;vectors…</translation>
    </message>
    <message>
        <source>Export &amp;attention…</source>
        <translation>Export &amp;attention…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About BertLens</source>
        <translation>&amp;About BertLens</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Attention overview</source>
        <translation>Attention overview</translation>
    </message>
    <message>
        <source>Hidden states</source>
        <translation>Hidden states</translation>
    </message>
    <message>
        <source>Projection</source>
        <translation>Projection</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Similarity</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Input</translation>
    </message>
    <message>
        <source>%1 — %2 layers, %3 heads, hidden size %4, %5 M parameters (%6)</source>
        <translation>%1 — %2 layers, %3 heads, hidden size %4, %5 M parameters (%6)</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message numerus="yes">
        <source>%n sentence(s)</source>
        <translation>
            <numerusform>%n sentence</numerusform>
            <numerusform>%n sentences</numerusform>
        </translation>
    </message>
    <message>
        <source>Export vectors</source>
        <translation>Export vectors</translation>
    </message>
    <message>
        <source>Export attention</source>
        <translation>Export attention</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Open BertLens &amp;Mini (the built-in model)</source>
        <translation>Open BertLens &amp;Mini (the built-in model)</translation>
    </message>
    <message>
        <source>%1 of %2 sentences (the window takes at most %3)</source>
        <translation>%1 of %2 sentences (the window takes at most %3)</translation>
    </message>
    <message>
        <source>&amp;Words instead of WordPieces</source>
        <translation>&amp;Words instead of WordPieces</translation>
    </message>
    <message>
        <source>Attention, hidden states, projection and similarity by word: pieces merged, Chinese characters grouped into words with jieba's dictionary where it is installed</source>
        <translation>Attention, hidden states, projection and similarity by word: pieces merged, Chinese characters grouped into words with jieba's dictionary where it is installed</translation>
    </message>
    <message>
        <source>Open &amp;sentences…</source>
        <translation>Open &amp;sentences…</translation>
    </message>
    <message>
        <source>A text file, one sentence per line; TEXT_A&lt;TAB&gt;TEXT_B for a pair</source>
        <translation>A text file, one sentence per line; TEXT_A&lt;TAB&gt;TEXT_B for a pair</translation>
    </message>
    <message>
        <source>Open sentences</source>
        <translation>Open sentences</translation>
    </message>
    <message>
        <source>Text files (*.txt *.tsv);;All files (*)</source>
        <translation>Text files (*.txt *.tsv);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot open the sentences</source>
        <translation>Cannot open the sentences</translation>
    </message>
    <message>
        <source>&amp;Fast arithmetic (bfloat16)</source>
        <translation>&amp;Fast arithmetic (bfloat16)</translation>
    </message>
    <message>
        <source>Matrix products in bfloat16: about 2.5 times faster; every vector within cosine 0.999 of the exact one. Off: exact float32.</source>
        <translation>Matrix products in bfloat16: about 2.5 times faster; every vector within cosine 0.999 of the exact one. Off: exact float32.</translation>
    </message>
    <message>
        <source>This CPU has no bfloat16 instructions: BertLens computes in exact float32.</source>
        <translation>This CPU has no bfloat16 instructions: BertLens computes in exact float32.</translation>
    </message>
    <message>
        <source>, computed in bfloat16</source>
        <translation>, computed in bfloat16</translation>
    </message>
    <message>
        <source>&amp;Open model…</source>
        <translation>&amp;Open model…</translation>
    </message>
    <message>
        <source>BertLens Mini, a model of the Hugging Face cache or Hub, or a folder</source>
        <translation>BertLens Mini, a model of the Hugging Face cache or Hub, or a folder</translation>
    </message>
    <message>
        <source>No model: File → Open model…</source>
        <translation>No model: File → Open model…</translation>
    </message>
    <message>
        <source>&amp;Examples for a lesson</source>
        <translation>&amp;Examples for a lesson</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>&amp;Presenter mode</translation>
    </message>
    <message>
        <source>Full screen, large fonts, high contrast, side panels hidden; the token under the pointer is selected in every view. Esc leaves.</source>
        <translation>Full screen, large fonts, high contrast, side panels hidden; the token under the pointer is selected in every view. Esc leaves.</translation>
    </message>
    <message>
        <source>Zoom &amp;in (presenter mode)</source>
        <translation>Zoom &amp;in (presenter mode)</translation>
    </message>
    <message>
        <source>Zoom &amp;out (presenter mode)</source>
        <translation>Zoom &amp;out (presenter mode)</translation>
    </message>
    <message>
        <source>&amp;Reset zoom (presenter mode)</source>
        <translation>&amp;Reset zoom (presenter mode)</translation>
    </message>
    <message>
        <source>Walk-through</source>
        <translation>Walk-through</translation>
    </message>
    <message>
        <source>Open corpus</source>
        <translation>Open corpus</translation>
    </message>
    <message>
        <source>Cannot open the corpus</source>
        <translation>Cannot open the corpus</translation>
    </message>
    <message>
        <source>&amp;Compare with…</source>
        <translation>&amp;Compare with…</translation>
    </message>
    <message>
        <source>A second model: the same sentences through both, compared in the Compare tab</source>
        <translation>A second model: the same sentences through both, compared in the Compare tab</translation>
    </message>
    <message>
        <source>Close the second model</source>
        <translation>Close the second model</translation>
    </message>
    <message>
        <source>A text file to search by meaning and to see as a whole, in the Corpus tab</source>
        <translation>A text file to search by meaning and to see as a whole, in the Corpus tab</translation>
    </message>
    <message>
        <source>Open sess&amp;ion…</source>
        <translation>Open sess&amp;ion…</translation>
    </message>
    <message>
        <source>Recent sessions</source>
        <translation>Recent sessions</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>Corpus</source>
        <translation>Corpus</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>The session's model folder %1 no longer exists.</source>
        <translation>The session's model folder %1 no longer exists.</translation>
    </message>
    <message>
        <source>Model not found</source>
        <translation>Model not found</translation>
    </message>
    <message>
        <source>Locate it?</source>
        <translation>Locate it?</translation>
    </message>
    <message>
        <source>Locate the model folder</source>
        <translation>Locate the model folder</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>Save session</translation>
    </message>
    <message>
        <source>BertLens sessions (*.bertlens)</source>
        <translation>BertLens sessions (*.bertlens)</translation>
    </message>
    <message>
        <source>Cannot save the session</source>
        <translation>Cannot save the session</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>Open session</translation>
    </message>
    <message>
        <source>BertLens sessions (*.bertlens);;All files (*)</source>
        <translation>BertLens sessions (*.bertlens);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot open the session</source>
        <translation>Cannot open the session</translation>
    </message>
    <message>
        <source>Indexing the corpus: %1%, about %2 min left</source>
        <translation>Indexing the corpus: %1%, about %2 min left</translation>
    </message>
    <message>
        <source>Indexing the corpus: %1%, about %2 s left</source>
        <translation>Indexing the corpus: %1%, about %2 s left</translation>
    </message>
    <message>
        <source>BertLens could not download the model %1 from the Hugging Face Hub.

%2</source>
        <translation>BertLens could not download the model %1 from the Hugging Face Hub.

%2</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Downloading %1: %2</source>
        <translation>Downloading %1: %2</translation>
    </message>
    <message>
        <source>Downloading %1, %6: %2 of %3 MB, %4 MB/s, about %5 s left</source>
        <translation>Downloading %1, %6: %2 of %3 MB, %4 MB/s, about %5 s left</translation>
    </message>
    <message>
        <source>sentence %1 (%2 of its %3 tokens)</source>
        <translation>sentence %1 (%2 of its %3 tokens)</translation>
    </message>
    <message>
        <source>The model reads at most %1 tokens: only the first are shown of %2.</source>
        <translation>The model reads at most %1 tokens: only the first are shown of %2.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Open co&amp;rpus…</source>
        <translation>Open co&amp;rpus…</translation>
    </message>
    <message>
        <source>Save sessio&amp;n…</source>
        <translation>Save sessio&amp;n…</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Explain</translation>
    </message>
    <message>
        <source> — knocked out: %1</source>
        <translation> — knocked out: %1</translation>
    </message>
    <message>
        <source>sentence %1 (%2 tokens: window %3 of %4)</source>
        <translation>sentence %1 (%2 tokens: window %3 of %4)</translation>
    </message>
    <message>
        <source>The model reads at most %1 tokens at a time: shown in overlapping windows, %2.</source>
        <translation>The model reads at most %1 tokens at a time: shown in overlapping windows, %2.</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Probe</translation>
    </message>
    <message>
        <source>Export for the Embedding Projector: a folder</source>
        <translation>Export for the Embedding Projector: a folder</translation>
    </message>
    <message>
        <source>NumPy arrays (*.npy)</source>
        <translation>NumPy arrays (*.npy)</translation>
    </message>
    <message>
        <source>Open labelled set</source>
        <translation>Open labelled set</translation>
    </message>
    <message>
        <source>Labelled lines (*.tsv *.txt);;All files (*)</source>
        <translation>Labelled lines (*.tsv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Cannot probe the set</source>
        <translation>Cannot probe the set</translation>
    </message>
</context>
<context>
    <name>bertlens::MapText</name>
    <message>
        <source> (measured on %1 points)</source>
        <translation> (measured on %1 points)</translation>
    </message>
    <message>
        <source>%1, seed %2, from each point's %3 nearest neighbours (%4)</source>
        <translation>%1, seed %2, from each point's %3 nearest neighbours (%4)</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>exact</translation>
    </message>
    <message>
        <source>approximate: %1% of the true ones found</source>
        <translation>approximate: %1% of the true ones found</translation>
    </message>
    <message>
        <source>trustworthiness %1, %2% of each point's %3 nearest kept on the map</source>
        <translation>trustworthiness %1, %2% of each point's %3 nearest kept on the map</translation>
    </message>
    <message>
        <source>PCA: trustworthiness %1, %2% of each point's %3 nearest kept on the plane</source>
        <translation>PCA: trustworthiness %1, %2% of each point's %3 nearest kept on the plane</translation>
    </message>
    <message>
        <source>Computing %1 (seed %2): %3 of %4 steps…</source>
        <translation>Computing %1 (seed %2): %3 of %4 steps…</translation>
    </message>
    <message>
        <source>Computing %1 (seed %2)…</source>
        <translation>Computing %1 (seed %2)…</translation>
    </message>
    <message>
        <source>The %1 map was stopped: the PCA plane is shown.</source>
        <translation>The %1 map was stopped: the PCA plane is shown.</translation>
    </message>
    <message>
        <source>k-means, k = %1: silhouette %2 (−1 to 1; higher: clusters better apart)</source>
        <translation>k-means, k = %1: silhouette %2 (−1 to 1; higher: clusters better apart)</translation>
    </message>
    <message>
        <source>PC%1 (%2% of variance)</source>
        <translation>PC%1 (%2% of variance)</translation>
    </message>
    <message>
        <source>PCA: the plane of largest variance. UMAP and t-SNE: a map that keeps each point's nearest neighbours (by cosine) near it; distances between far groups mean little.</source>
        <translation>PCA: the plane of largest variance. UMAP and t-SNE: a map that keeps each point's nearest neighbours (by cosine) near it; distances between far groups mean little.</translation>
    </message>
    <message>
        <source>seed </source>
        <translation>seed </translation>
    </message>
    <message>
        <source>k = </source>
        <translation>k = </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop computing the map (the PCA plane stays)</source>
        <translation>Stop computing the map (the PCA plane stays)</translation>
    </message>
    <message>
        <source>The same seed gives the same map every time: a lesson's map stays as it was.</source>
        <translation>The same seed gives the same map every time: a lesson's map stays as it was.</translation>
    </message>
</context>
<context>
    <name>bertlens::OpenModelDialog</name>
    <message>
        <source>Open model</source>
        <translation>Open model</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Built in</translation>
    </message>
    <message>
        <source>BertLens Mini</source>
        <translation>BertLens Mini</translation>
    </message>
    <message>
        <source>In the Hugging Face cache (%1)</source>
        <translation>In the Hugging Face cache (%1)</translation>
    </message>
    <message>
        <source>%1 — revision %2, %3 MB</source>
        <translation>%1 — revision %2, %3 MB</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Recent</translation>
    </message>
    <message>
        <source>e.g. google-bert/bert-base-chinese</source>
        <translation>e.g. google-bert/bert-base-chinese</translation>
    </message>
    <message>
        <source>Folder…</source>
        <translation>Folder…</translation>
    </message>
    <message>
        <source>Open model folder</source>
        <translation>Open model folder</translation>
    </message>
    <message>
        <source>e.g. google-bert/bert-base-chinese, or /path/to/a/model/folder</source>
        <translation>e.g. google-bert/bert-base-chinese, or /path/to/a/model/folder</translation>
    </message>
    <message>
        <source>Or a model of the Hugging Face Hub (downloaded once into its cache; HF_ENDPOINT and HF_TOKEN are used as set), or the path of a model folder:</source>
        <translation>Or a model of the Hugging Face Hub (downloaded once into its cache; HF_ENDPOINT and HF_TOKEN are used as set), or the path of a model folder:</translation>
    </message>
    <message>
        <source>%1 is a file: a model is a folder (with config.json and the weights).</source>
        <translation>%1 is a file: a model is a folder (with config.json and the weights).</translation>
    </message>
    <message>
        <source>“%1” is not a Hub id (ORGANISATION/NAME: letters, digits, -, _ and .).</source>
        <translation>“%1” is not a Hub id (ORGANISATION/NAME: letters, digits, -, _ and .).</translation>
    </message>
    <message>
        <source>No folder %1, and not a Hub id (ORGANISATION/NAME).</source>
        <translation>No folder %1, and not a Hub id (ORGANISATION/NAME).</translation>
    </message>
</context>
<context>
    <name>bertlens::PlotWidget</name>
    <message>
        <source>Save as PNG…</source>
        <translation>Save as PNG…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Reset zoom</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Width</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Height</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>Save as PNG</source>
        <translation>Save as PNG</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <source>Save failed</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message>
        <source>Save the numbers as CSV…</source>
        <translation>Save the numbers as CSV…</translation>
    </message>
    <message>
        <source>Save the numbers</source>
        <translation>Save the numbers</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>Save the plot as PDF</source>
        <translation>Save the plot as PDF</translation>
    </message>
    <message>
        <source>Save the plot as PNG</source>
        <translation>Save the plot as PNG</translation>
    </message>
    <message>
        <source>The plot is drawn again at this size, with a title that says what it shows:
%1</source>
        <translation>The plot is drawn again at this size, with a title that says what it shows:
%1</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(no title)</translation>
    </message>
    <message>
        <source>A plot. Ctrl+T shows its numbers as a table; the context menu saves them as CSV.</source>
        <translation>A plot. Ctrl+T shows its numbers as a table; the context menu saves them as CSV.</translation>
    </message>
    <message>
        <source>The plot's numbers</source>
        <translation>The plot's numbers</translation>
    </message>
    <message>
        <source>Numbers of: %1</source>
        <translation>Numbers of: %1</translation>
    </message>
    <message>
        <source>Plot: nothing shown yet</source>
        <translation>Plot: nothing shown yet</translation>
    </message>
    <message>
        <source>Show the numbers as a table</source>
        <translation>Show the numbers as a table</translation>
    </message>
</context>
<context>
    <name>bertlens::PredictionsPanel</name>
    <message>
        <source>Prediction</source>
        <translation>Prediction</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>This model has no masked-language-model head: %1</source>
        <translation>This model has no masked-language-model head: %1</translation>
    </message>
    <message>
        <source>Masked-token predictions</source>
        <translation>Masked-token predictions</translation>
    </message>
    <message>
        <source>No predictions: this model has no masked-language-model head.</source>
        <translation>No predictions: this model has no masked-language-model head.</translation>
    </message>
    <message>
        <source> (first of %1 masks)</source>
        <translation> (first of %1 masks)</translation>
    </message>
    <message>
        <source>embeddings</source>
        <translation>embeddings</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>layer %1</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>The per-layer lens: the same prediction head applied to every layer's hidden state</source>
        <translation>The per-layer lens: the same prediction head applied to every layer's hidden state</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>The model's predictions for the [MASK]</source>
        <translation>The model's predictions for the [MASK]</translation>
    </message>
    <message>
        <source>Per-layer lens: the top predictions at every layer</source>
        <translation>Per-layer lens: the top predictions at every layer</translation>
    </message>
    <message>
        <source>Before the knock-outs</source>
        <translation>Before the knock-outs</translation>
    </message>
    <message>
        <source>&lt; %1%</source>
        <translation>&lt; %1%</translation>
    </message>
    <message>
        <source>Sentence %1, %3 at token %2: the model's predictions</source>
        <translation>Sentence %1, %3 at token %2: the model's predictions</translation>
    </message>
    <message>
        <source>Double-click a token, or type %1, to see what the model predicts there.</source>
        <translation>Double-click a token, or type %1, to see what the model predicts there.</translation>
    </message>
    <message>
        <source>Sentence %1 has no %3; click the %3 of sentence %2 to see its predictions.</source>
        <translation>Sentence %1 has no %3; click the %3 of sentence %2 to see its predictions.</translation>
    </message>
</context>
<context>
    <name>bertlens::ProbeSession</name>
    <message>
        <source>Open a model before probing it.</source>
        <translation>Open a model before probing it.</translation>
    </message>
</context>
<context>
    <name>bertlens::ProbeView</name>
    <message>
        <source>Lesson: statement or question? Same words, another order (English)</source>
        <translation>Lesson: statement or question? Same words, another order (English)</translation>
    </message>
    <message>
        <source>Lesson: 很不 or 不很? Same characters, another order (Chinese)</source>
        <translation>Lesson: 很不 or 不很? Same characters, another order (Chinese)</translation>
    </message>
    <message>
        <source>Labelled set to probe</source>
        <translation>Labelled set to probe</translation>
    </message>
    <message>
        <source>Open labelled set…</source>
        <translation>Open labelled set…</translation>
    </message>
    <message>
        <source>A text file with one example per line: TEXT&lt;TAB&gt;LABEL, or TEXT&lt;TAB&gt;TEXT_B&lt;TAB&gt;LABEL for pairs</source>
        <translation>A text file with one example per line: TEXT&lt;TAB&gt;LABEL, or TEXT&lt;TAB&gt;TEXT_B&lt;TAB&gt;LABEL for pairs</translation>
    </message>
    <message>
        <source>Pooling of the sentence vectors</source>
        <translation>Pooling of the sentence vectors</translation>
    </message>
    <message>
        <source>Cross-validation folds</source>
        <translation>Cross-validation folds</translation>
    </message>
    <message>
        <source>folds: </source>
        <translation>folds: </translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Probe every layer</source>
        <translation>Probe every layer</translation>
    </message>
    <message>
        <source>Which layer knows the labels? At every layer a linear classifier (a probe) learns the label from the sentence vectors of some lines and is tested on the others (cross-validated). The same probe trained on shuffled labels is the control: what it scores, any vectors let a probe memorise. Accuracy above the control is what the layer knows.</source>
        <translation>Which layer knows the labels? At every layer a linear classifier (a probe) learns the label from the sentence vectors of some lines and is tested on the others (cross-validated). The same probe trained on shuffled labels is the control: what it scores, any vectors let a probe memorise. Accuracy above the control is what the layer knows.</translation>
    </message>
    <message>
        <source>Layer (0 = embeddings)</source>
        <translation>Layer (0 = embeddings)</translation>
    </message>
    <message>
        <source>Accuracy on held-out lines (%)</source>
        <translation>Accuracy on held-out lines (%)</translation>
    </message>
    <message>
        <source>Probing…</source>
        <translation>Probing…</translation>
    </message>
    <message>
        <source>Choose a labelled set and press “Probe every layer”.</source>
        <translation>Choose a labelled set and press “Probe every layer”.</translation>
    </message>
    <message>
        <source>probe (mean ± sd over the folds)</source>
        <translation>probe (mean ± sd over the folds)</translation>
    </message>
    <message>
        <source>control: shuffled labels</source>
        <translation>control: shuffled labels</translation>
    </message>
    <message>
        <source>always the most common label: %1%</source>
        <translation>always the most common label: %1%</translation>
    </message>
    <message>
        <source>%1: probe accuracy by layer</source>
        <translation>%1: probe accuracy by layer</translation>
    </message>
    <message>
        <source>%1 lines, %2 labels, %3 folds. Most above its control: layer %4 (%5% against %6%); the embeddings (layer 0): %7%.</source>
        <translation>%1 lines, %2 labels, %3 folds. Most above its control: layer %4 (%5% against %6%); the embeddings (layer 0): %7%.</translation>
    </message>
</context>
<context>
    <name>bertlens::ProjectionView</name>
    <message>
        <source>Token vectors (all sentences)</source>
        <translation>Token vectors (all sentences)</translation>
    </message>
    <message>
        <source>Sentence vectors</source>
        <translation>Sentence vectors</translation>
    </message>
    <message>
        <source>Trajectory of the selected token</source>
        <translation>Trajectory of the selected token</translation>
    </message>
    <message>
        <source>Sentence %1</source>
        <translation>Sentence %1</translation>
    </message>
    <message>
        <source>Sentence %1, token %2, layers 0–%3</source>
        <translation>Sentence %1, token %2, layers 0–%3</translation>
    </message>
    <message>
        <source>Sentence %1, token %2: its vector through layers 0–%3 (PCA)</source>
        <translation>Sentence %1, token %2: its vector through layers 0–%3 (PCA)</translation>
    </message>
    <message>
        <source>Find a word…</source>
        <translation>Find a word…</translation>
    </message>
    <message>
        <source>Rings every point of this word</source>
        <translation>Rings every point of this word</translation>
    </message>
    <message>
        <source>What the plane shows</source>
        <translation>What the plane shows</translation>
    </message>
    <message>
        <source>Pooling of the sentence vectors</source>
        <translation>Pooling of the sentence vectors</translation>
    </message>
    <message>
        <source>%1 — sentence %2, layer %3</source>
        <translation>%1 — sentence %2, layer %3</translation>
    </message>
    <message>
        <source>Cluster %1</source>
        <translation>Cluster %1</translation>
    </message>
    <message>
        <source>Map method</source>
        <translation>Map method</translation>
    </message>
    <message>
        <source>Seed of the map</source>
        <translation>Seed of the map</translation>
    </message>
    <message>
        <source>Colour the points by</source>
        <translation>Colour the points by</translation>
    </message>
    <message>
        <source>Colour by sentence</source>
        <translation>Colour by sentence</translation>
    </message>
    <message>
        <source>Colour by word</source>
        <translation>Colour by word</translation>
    </message>
    <message>
        <source>Colour by k-means cluster</source>
        <translation>Colour by k-means cluster</translation>
    </message>
    <message>
        <source>Number of k-means clusters</source>
        <translation>Number of k-means clusters</translation>
    </message>
    <message>
        <source>Layer %1: the token vectors of every sentence (%2)</source>
        <translation>Layer %1: the token vectors of every sentence (%2)</translation>
    </message>
    <message>
        <source>Layer %1: one vector per sentence (%2)</source>
        <translation>Layer %1: one vector per sentence (%2)</translation>
    </message>
    <message>
        <source>Find a word</source>
        <translation>Find a word</translation>
    </message>
    <message>
        <source>Leave out special to&amp;kens</source>
        <translation>Leave out special to&amp;kens</translation>
    </message>
    <message>
        <source>Map the words only: [CLS], [SEP] and the like form a group of their own that pushes the words together</source>
        <translation>Map the words only: [CLS], [SEP] and the like form a group of their own that pushes the words together</translation>
    </message>
</context>
<context>
    <name>bertlens::ScoreStrip</name>
    <message>
        <source>%1: score %2</source>
        <translation>%1: score %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>bertlens::SimilarityView</name>
    <message>
        <source>Tokens of the selected sentence</source>
        <translation>Tokens of the selected sentence</translation>
    </message>
    <message>
        <source>Sentence vectors</source>
        <translation>Sentence vectors</translation>
    </message>
    <message>
        <source>cosine similarity</source>
        <translation>cosine similarity</translation>
    </message>
    <message>
        <source>Centre vectors</source>
        <translation>Centre vectors</translation>
    </message>
    <message>
        <source>Subtract the mean vector of the current set (every token, or every sentence vector) before the cosine: BERT's vectors share a common direction that makes raw cosines high</source>
        <translation>Subtract the mean vector of the current set (every token, or every sentence vector) before the cosine: BERT's vectors share a common direction that makes raw cosines high</translation>
    </message>
    <message>
        <source>The mean cosine similarity between different sentences: read the matrix against it</source>
        <translation>The mean cosine similarity between different sentences: read the matrix against it</translation>
    </message>
    <message>
        <source>The mean cosine similarity of this sentence's tokens with the other sentences' tokens at this layer: read the matrix against it</source>
        <translation>The mean cosine similarity of this sentence's tokens with the other sentences' tokens at this layer: read the matrix against it</translation>
    </message>
    <message>
        <source>Baseline: needs a second sentence</source>
        <translation>Baseline: needs a second sentence</translation>
    </message>
    <message>
        <source>Baseline %1</source>
        <translation>Baseline %1</translation>
    </message>
    <message>
        <source>Layer %1: cosine similarity of the sentence vectors</source>
        <translation>Layer %1: cosine similarity of the sentence vectors</translation>
    </message>
    <message>
        <source>Sentence %1, layer %2: cosine similarity of its tokens</source>
        <translation>Sentence %1, layer %2: cosine similarity of its tokens</translation>
    </message>
    <message>
        <source>Tokens across two sentences</source>
        <translation>Tokens across two sentences</translation>
    </message>
    <message>
        <source>The selected word in every sentence</source>
        <translation>The selected word in every sentence</translation>
    </message>
    <message>
        <source>with sentence </source>
        <translation>with sentence </translation>
    </message>
    <message>
        <source>The sentence whose tokens are the columns</source>
        <translation>The sentence whose tokens are the columns</translation>
    </message>
    <message>
        <source>Layer %1: tokens of sentence %2 (rows) × tokens of sentence %3 (columns)</source>
        <translation>Layer %1: tokens of sentence %2 (rows) × tokens of sentence %3 (columns)</translation>
    </message>
    <message>
        <source>Click a token to compare its word across the sentences</source>
        <translation>Click a token to compare its word across the sentences</translation>
    </message>
    <message>
        <source>Layer %1: “%2” in every sentence</source>
        <translation>Layer %1: “%2” in every sentence</translation>
    </message>
    <message>
        <source>What the matrix compares</source>
        <translation>What the matrix compares</translation>
    </message>
    <message>
        <source>Pooling of the sentence vectors</source>
        <translation>Pooling of the sentence vectors</translation>
    </message>
    <message>
        <source>Sentence of the columns</source>
        <translation>Sentence of the columns</translation>
    </message>
</context>
<context>
    <name>bertlens::TokenStrip</name>
    <message>
        <source>%1
id %2 · characters %3–%4 · segment %5</source>
        <translation>%1
id %2 · characters %3–%4 · segment %5</translation>
    </message>
    <message>
        <source>stands for “%1”, which the vocabulary cannot spell</source>
        <translation>stands for “%1”, which the vocabulary cannot spell</translation>
    </message>
    <message>
        <source>%1, sentence %2, token %3</source>
        <translation>%1, sentence %2, token %3</translation>
    </message>
    <message>
        <source>Tokens of every sentence</source>
        <translation>Tokens of every sentence</translation>
    </message>
</context>
<context>
    <name>bertlens::VectorStrip</name>
    <message numerus="yes">
        <source>(%n value(s))</source>
        <translation>
            <numerusform>(%n value(s))</numerusform>
            <numerusform />
        </translation>
    </message>
    <message>
        <source>dimension %1: %2</source>
        <translation>dimension %1: %2</translation>
    </message>
</context>
<context>
    <name>bertlens::ViewStyle</name>
    <message>
        <source>None: one row per token</source>
        <translation>None: one row per token</translation>
    </message>
    <message>
        <source>[CLS] vector</source>
        <translation>[CLS] vector</translation>
    </message>
    <message>
        <source>Mean of tokens</source>
        <translation>Mean of tokens</translation>
    </message>
    <message>
        <source>Max of tokens</source>
        <translation>Max of tokens</translation>
    </message>
    <message>
        <source>heads %1</source>
        <translation>heads %1</translation>
    </message>
    <message>
        <source>FFN %1</source>
        <translation>FFN %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>bertlens::WalkthroughView</name>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Embeddings</source>
        <translation>Embeddings</translation>
    </message>
    <message>
        <source>Q, K, V</source>
        <translation>Q, K, V</translation>
    </message>
    <message>
        <source>Scores → softmax</source>
        <translation>Scores → softmax</translation>
    </message>
    <message>
        <source>Weighted sum</source>
        <translation>Weighted sum</translation>
    </message>
    <message>
        <source>Add &amp;&amp; norm, feed-forward</source>
        <translation>Add &amp;&amp; norm, feed-forward</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>Previous step (← or Page Up)</source>
        <translation>Previous step (← or Page Up)</translation>
    </message>
    <message>
        <source>Next step (→ or Page Down)</source>
        <translation>Next step (→ or Page Down)</translation>
    </message>
    <message>
        <source>Type a sentence and click one of its tokens: this tab walks through what BERT computes for it.</source>
        <translation>Type a sentence and click one of its tokens: this tab walks through what BERT computes for it.</translation>
    </message>
    <message>
        <source>Token %1 %2 of the sentence, layer %3 of %4, head %5 of %6 — click another token, or change the layer and head, to follow them here.</source>
        <translation>Token %1 %2 of the sentence, layer %3 of %4, head %5 of %6 — click another token, or change the layer and head, to follow them here.</translation>
    </message>
    <message>
        <source>No sentence yet.</source>
        <translation>No sentence yet.</translation>
    </message>
    <message>
        <source>1. From text to tokens</source>
        <translation>1. From text to tokens</translation>
    </message>
    <message>
        <source>BERT does not read letters: it reads numbers, one per token of a fixed vocabulary. The text is cleaned (lower-cased and accents removed where the model does so, spaces put around punctuation and Chinese characters), split into words, and each word into the longest pieces the vocabulary has, from left to right. A piece inside a word starts with ##.</source>
        <translation>BERT does not read letters: it reads numbers, one per token of a fixed vocabulary. The text is cleaned (lower-cased and accents removed where the model does so, spaces put around punctuation and Chinese characters), split into words, and each word into the longest pieces the vocabulary has, from left to right. A piece inside a word starts with ##.</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Cleaned</source>
        <translation>Cleaned</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>Words</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>Pieces</translation>
    </message>
    <message>
        <source>Second sentence</source>
        <translation>Second sentence</translation>
    </message>
    <message>
        <source>How %1 was split: the longest candidate first, one character shorter until the vocabulary has it, then the same for the rest (with ##):</source>
        <translation>How %1 was split: the longest candidate first, one character shorter until the vocabulary has it, then the same for the rest (with ##):</translation>
    </message>
    <message>
        <source>No split exists: the word becomes [UNK].</source>
        <translation>No split exists: the word becomes [UNK].</translation>
    </message>
    <message>
        <source>position</source>
        <translation>position</translation>
    </message>
    <message>
        <source>token</source>
        <translation>token</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>segment</translation>
    </message>
    <message>
        <source>2. From a token to a vector</source>
        <translation>2. From a token to a vector</translation>
    </message>
    <message>
        <source>The id picks one row of the word-embedding table; the position picks a row of the position table (the only way BERT knows word order); the segment picks a row of the segment table. Each row has H = %1 numbers. The three are added, then LayerNorm rescales the sum: y = γ · (x − mean) / √(variance + ε) + β.</source>
        <translation>The id picks one row of the word-embedding table; the position picks a row of the position table (the only way BERT knows word order); the segment picks a row of the segment table. Each row has H = %1 numbers. The three are added, then LayerNorm rescales the sum: y = γ · (x − mean) / √(variance + ε) + β.</translation>
    </message>
    <message>
        <source>word embedding of %1 (row %2)</source>
        <translation>word embedding of %1 (row %2)</translation>
    </message>
    <message>
        <source>+ position embedding (row %1)</source>
        <translation>+ position embedding (row %1)</translation>
    </message>
    <message>
        <source>+ segment embedding (row %1)</source>
        <translation>+ segment embedding (row %1)</translation>
    </message>
    <message>
        <source>= sum x</source>
        <translation>= sum x</translation>
    </message>
    <message>
        <source>LayerNorm: mean of x = %1, variance = %2, ε = %3</source>
        <translation>LayerNorm: mean of x = %1, variance = %2, ε = %3</translation>
    </message>
    <message>
        <source>γ (learned scale)</source>
        <translation>γ (learned scale)</translation>
    </message>
    <message>
        <source>β (learned shift)</source>
        <translation>β (learned shift)</translation>
    </message>
    <message>
        <source>&lt;b&gt;= the layer-0 vector of %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;= the layer-0 vector of %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>3. Queries, keys and values: layer %1, head %2</source>
        <translation>3. Queries, keys and values: layer %1, head %2</translation>
    </message>
    <message>
        <source>Each layer has %1 attention heads. This head multiplies every token's vector x (the layer's input) by three learned matrices: the query q (what this token looks for), the key k (what it offers) and the value v (what it passes on), each with d = H / heads = %2 numbers.</source>
        <translation>Each layer has %1 attention heads. This head multiplies every token's vector x (the layer's input) by three learned matrices: the query q (what this token looks for), the key k (what it offers) and the value v (what it passes on), each with d = H / heads = %2 numbers.</translation>
    </message>
    <message>
        <source>K and V in the same way, with their own weights. One row per token:</source>
        <translation>K and V in the same way, with their own weights. One row per token:</translation>
    </message>
    <message>
        <source>q of %1</source>
        <translation>q of %1</translation>
    </message>
    <message>
        <source>k of %1</source>
        <translation>k of %1</translation>
    </message>
    <message>
        <source>v of %1</source>
        <translation>v of %1</translation>
    </message>
    <message>
        <source>4. Who does %1 attend to?</source>
        <translation>4. Who does %1 attend to?</translation>
    </message>
    <message>
        <source>Its query is compared with every token's key: score&lt;sub&gt;j&lt;/sub&gt; = q · k&lt;sub&gt;j&lt;/sub&gt; / √d, with √d = %1 (keeps the scores from growing with d). Padding tokens would get −∞ added here (the mask); one sentence alone has no padding, so the mask adds 0. Softmax turns the scores into weights that are positive and sum to 1: p&lt;sub&gt;j&lt;/sub&gt; = e&lt;sup&gt;score&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt; / Σ&lt;sub&gt;k&lt;/sub&gt; e&lt;sup&gt;score&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt;.</source>
        <translation>Its query is compared with every token's key: score&lt;sub&gt;j&lt;/sub&gt; = q · k&lt;sub&gt;j&lt;/sub&gt; / √d, with √d = %1 (keeps the scores from growing with d). Padding tokens would get −∞ added here (the mask); one sentence alone has no padding, so the mask adds 0. Softmax turns the scores into weights that are positive and sum to 1: p&lt;sub&gt;j&lt;/sub&gt; = e&lt;sup&gt;score&lt;sub&gt;j&lt;/sub&gt;&lt;/sup&gt; / Σ&lt;sub&gt;k&lt;/sub&gt; e&lt;sup&gt;score&lt;sub&gt;k&lt;/sub&gt;&lt;/sup&gt;.</translation>
    </message>
    <message>
        <source>score</source>
        <translation>score</translation>
    </message>
    <message>
        <source>mask</source>
        <translation>mask</translation>
    </message>
    <message>
        <source>weight p</source>
        <translation>weight p</translation>
    </message>
    <message>
        <source>This row of weights is row %1 of the Attention tab at layer %2, head %3.</source>
        <translation>This row of weights is row %1 of the Attention tab at layer %2, head %3.</translation>
    </message>
    <message>
        <source>Show it in the Attention tab</source>
        <translation>Show it in the Attention tab</translation>
    </message>
    <message>
        <source>5. The weighted sum of the values</source>
        <translation>5. The weighted sum of the values</translation>
    </message>
    <message>
        <source>The head's output for %1 is the sum of every token's value vector, each multiplied by its weight: c = Σ&lt;sub&gt;j&lt;/sub&gt; p&lt;sub&gt;j&lt;/sub&gt; v&lt;sub&gt;j&lt;/sub&gt;. The tokens with the largest weights:</source>
        <translation>The head's output for %1 is the sum of every token's value vector, each multiplied by its weight: c = Σ&lt;sub&gt;j&lt;/sub&gt; p&lt;sub&gt;j&lt;/sub&gt; v&lt;sub&gt;j&lt;/sub&gt;. The tokens with the largest weights:</translation>
    </message>
    <message numerus="yes">
        <source>+ %n more token(s) with smaller weights</source>
        <translation>
            <numerusform>+ %n more token(s) with smaller weights</numerusform>
            <numerusform />
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;= c, this head's output&lt;/b&gt;</source>
        <translation>&lt;b&gt;= c, this head's output&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Every head does the same with its own weights. The %1 outputs of length %2 are put side by side into one vector of length H = %3 and multiplied by W&lt;sub&gt;O&lt;/sub&gt; [%3, %3] (+ b&lt;sub&gt;O&lt;/sub&gt;):</source>
        <translation>Every head does the same with its own weights. The %1 outputs of length %2 are put side by side into one vector of length H = %3 and multiplied by W&lt;sub&gt;O&lt;/sub&gt; [%3, %3] (+ b&lt;sub&gt;O&lt;/sub&gt;):</translation>
    </message>
    <message>
        <source>attention output (all heads, after W&lt;sub&gt;O&lt;/sub&gt;)</source>
        <translation>attention output (all heads, after W&lt;sub&gt;O&lt;/sub&gt;)</translation>
    </message>
    <message>
        <source>6. Add &amp; norm, then the feed-forward network (layer %1)</source>
        <translation>6. Add &amp; norm, then the feed-forward network (layer %1)</translation>
    </message>
    <message>
        <source>Residual connection: the attention output is added to the layer's input, so the vector is refined, not replaced; then LayerNorm.</source>
        <translation>Residual connection: the attention output is added to the layer's input, so the vector is refined, not replaced; then LayerNorm.</translation>
    </message>
    <message>
        <source>layer input x + attention output</source>
        <translation>layer input x + attention output</translation>
    </message>
    <message>
        <source>mean = %1, variance = %2</source>
        <translation>mean = %1, variance = %2</translation>
    </message>
    <message>
        <source>= after LayerNorm</source>
        <translation>= after LayerNorm</translation>
    </message>
    <message>
        <source>The feed-forward network works on each token alone: W₁ widens the vector to F = %1 numbers, the activation (%2) lets mostly positive values through, W₂ brings it back to H = %3.</source>
        <translation>The feed-forward network works on each token alone: W₁ widens the vector to F = %1 numbers, the activation (%2) lets mostly positive values through, W₂ brings it back to H = %3.</translation>
    </message>
    <message>
        <source>· W₁ + b₁</source>
        <translation>· W₁ + b₁</translation>
    </message>
    <message>
        <source>value before the activation</source>
        <translation>value before the activation</translation>
    </message>
    <message>
        <source>%1(value)</source>
        <translation>%1(value)</translation>
    </message>
    <message>
        <source>= activation (%1 values, red dots above)</source>
        <translation>= activation (%1 values, red dots above)</translation>
    </message>
    <message>
        <source>· W₂ + b₂</source>
        <translation>· W₂ + b₂</translation>
    </message>
    <message>
        <source>+ the normed vector above</source>
        <translation>+ the normed vector above</translation>
    </message>
    <message>
        <source>&lt;b&gt;= the output of layer %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;= the output of layer %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>← Previous layer</source>
        <translation>← Previous layer</translation>
    </message>
    <message>
        <source>Next layer →</source>
        <translation>Next layer →</translation>
    </message>
    <message>
        <source>7. The contextual embedding</source>
        <translation>7. The contextual embedding</translation>
    </message>
    <message>
        <source>After all %1 layers the vector of %2 has taken in the whole sentence: this last layer's vector is its contextual embedding. The same word in another sentence gets another vector.</source>
        <translation>After all %1 layers the vector of %2 has taken in the whole sentence: this last layer's vector is its contextual embedding. The same word in another sentence gets another vector.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 after layer %2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 after layer %2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>layer (0 = embeddings)</source>
        <translation>layer (0 = embeddings)</translation>
    </message>
    <message>
        <source>The masked-language-model head turns the vector back into a score for every word of the vocabulary. At this position it guesses: %1</source>
        <translation>The masked-language-model head turns the vector back into a score for every word of the vocabulary. At this position it guesses: %1</translation>
    </message>
    <message>
        <source>(It sees the token itself here; double-click the token to mask it and see what the model expects from the context alone.)</source>
        <translation>(It sees the token itself here; double-click the token to mask it and see what the model expects from the context alone.)</translation>
    </message>
    <message>
        <source>This model has no masked-language-model head, so it cannot say which word it expects here (%1).</source>
        <translation>This model has no masked-language-model head, so it cannot say which word it expects here (%1).</translation>
    </message>
    <message>
        <source>All vectors in a plane (Projection)</source>
        <translation>All vectors in a plane (Projection)</translation>
    </message>
    <message>
        <source>Every token's vector at every layer (Hidden states)</source>
        <translation>Every token's vector at every layer (Hidden states)</translation>
    </message>
    <message>
        <source>length ‖h‖</source>
        <translation>length ‖h‖</translation>
    </message>
    <message>
        <source>The length of %1's vector after each layer</source>
        <translation>The length of %1's vector after each layer</translation>
    </message>
    <message>
        <source>The model does not read letters: it reads numbers, one per token of a fixed vocabulary. This tokenizer (byte-level BPE, as RoBERTa's) writes the text's bytes as characters (a space becomes Ġ), splits it into words, and joins neighbouring pieces pair by pair in the order it learned them, as far as its vocabulary goes. A piece that starts a word carries its space (Ġ, shown as a space).</source>
        <translation>The model does not read letters: it reads numbers, one per token of a fixed vocabulary. This tokenizer (byte-level BPE, as RoBERTa's) writes the text's bytes as characters (a space becomes Ġ), splits it into words, and joins neighbouring pieces pair by pair in the order it learned them, as far as its vocabulary goes. A piece that starts a word carries its space (Ġ, shown as a space).</translation>
    </message>
    <message>
        <source>The model does not read letters: it reads numbers, one per token of a fixed vocabulary. This tokenizer (SentencePiece's Unigram, as XLM-R's) normalises the text, marks the start of every word with ▁ (shown as a space), and splits each word into the pieces whose probabilities together are the highest.</source>
        <translation>The model does not read letters: it reads numbers, one per token of a fixed vocabulary. This tokenizer (SentencePiece's Unigram, as XLM-R's) normalises the text, marks the start of every word with ▁ (shown as a space), and splits each word into the pieces whose probabilities together are the highest.</translation>
    </message>
    <message>
        <source>%1 is not from the text: %2 is put first (its last vector is often used for the whole sentence) and %3 after each sentence.</source>
        <translation>%1 is not from the text: %2 is put first (its last vector is often used for the whole sentence) and %3 after each sentence.</translation>
    </message>
    <message>
        <source>%1 first, %2 after each sentence; the segment says which sentence a token is in:</source>
        <translation>%1 first, %2 after each sentence; the segment says which sentence a token is in:</translation>
    </message>
</context>
</TS>