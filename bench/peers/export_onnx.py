"""Exports the benchmark model to ONNX for the ONNX Runtime peer: torch_bert.Bert (ids, mask ->
mean-pooled last layer), or with --everything every hidden state and attention map (outputs
"hidden" [L+1, B, T, H] and "attentions" [L, B, heads, T, T]).
Usage: /usr/bin/python3 export_onnx.py MODEL_DIR OUT.onnx [--everything]"""
import sys

import torch

from torch_bert import load_model

everything = "--everything" in sys.argv
model = load_model(sys.argv[1], everything)
ids = torch.ones(2, 16, dtype=torch.long)
axes = {"input_ids": {0: "b", 1: "t"}, "attention_mask": {0: "b", 1: "t"}}
outputs = ["hidden", "attentions"] if everything else ["pooled"]
torch.onnx.export(model, (ids, torch.ones_like(ids)), sys.argv[2], input_names=["input_ids", "attention_mask"],
                  output_names=outputs, dynamic_axes=axes, opset_version=14)
