"""Exports the benchmark model (torch_bert.Bert: ids, mask -> mean-pooled last layer) to ONNX for
the ONNX Runtime peer. Usage: /usr/bin/python3 export_onnx.py MODEL_DIR OUT.onnx"""
import sys

import torch

from torch_bert import load_model

model = load_model(sys.argv[1])
ids = torch.ones(2, 16, dtype=torch.long)
torch.onnx.export(model, (ids, torch.ones_like(ids)), sys.argv[2], input_names=["input_ids", "attention_mask"],
                  output_names=["pooled"], dynamic_axes={"input_ids": {0: "b", 1: "t"}, "attention_mask": {0: "b", 1: "t"}},
                  opset_version=14)
