#!/usr/bin/env python3
"""The loss curve of the model card from the trainer's log ("step N  lr X  loss Y  masked acc Z ...",
every 50 steps; a run resumed from a checkpoint repeats some steps, the later line wins).
Needs Debian's python3-matplotlib.

    python3 tools/train_mini/plot_loss.py train.log OUT.png --title "..." [--heldout LOSS]
"""
import argparse
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("log")
    parser.add_argument("out")
    parser.add_argument("--title", default="")
    parser.add_argument("--heldout", type=float, help="held-out MLM loss at the end")
    args = parser.parse_args()
    points = {}
    line = re.compile(r"^step (\d+)\s+lr \S+\s+loss ([0-9.]+)\s+masked acc ([0-9.]+)")
    resumed = re.compile(r"^resumed from .* at step (\d+)")
    since = -50
    for text in open(args.log, encoding="utf-8"):
        if m := resumed.match(text):
            since = int(m.group(1))
        elif (m := line.match(text)) and int(m.group(1)) - since >= 50:
            # (an older trainer averaged the first print after a resume over 50 steps it had not all run)
            points[int(m.group(1))] = (float(m.group(2)), float(m.group(3)))
    steps = sorted(points)
    fig, ax = plt.subplots(figsize=(9, 4.2), dpi=100)
    ax.plot(steps, [points[s][0] for s in steps], label="training MLM loss (mean of 50 steps)")
    if args.heldout:
        ax.axhline(args.heldout, color="tab:orange", linestyle="--", label=f"held-out MLM loss at the end ({args.heldout:.2f})")
    ax.set_xlabel("optimiser step")
    ax.set_ylabel("cross-entropy")
    ax.set_title(args.title)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(args.out)


if __name__ == "__main__":
    main()
