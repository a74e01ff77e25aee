#!/usr/bin/env python3
"""The paper's networks on one side of convert_paper.py, for the engine's PaperConverterTest: builds them
(paper_nets.py) at a small width with seeded random weights, saves a checkpoint as the paper's train.py lays one
out, converts it to WORKDIR/paper.dmcx, and prints as JSON the torch networks' energies, generator outputs and
inference means / log-variances on fixed inputs, plus the converter's messages for a few broken checkpoints.

Usage:  /usr/bin/python3 check_converter.py WORKDIR DATA_DIR
"""
import contextlib
import copy
import json
import os
import sys

import torch as t

import convert_paper
import paper_nets

NZ, WIDTH, BATCH = 8, 16, 4


def randomised():
    t.manual_seed(0)
    g = paper_nets.Generator(NZ, WIDTH)
    e = paper_nets.Energy(WIDTH)
    i = paper_nets.Inference(NZ, WIDTH // convert_paper.INFERENCE_RATIO)
    for net in (g, e, i):
        for m in net.modules():
            if isinstance(m, (t.nn.Conv2d, t.nn.Linear)):
                t.nn.init.xavier_normal_(m.weight)
                if m.bias is not None:
                    # nonzero, so a bias that went astray shows
                    t.nn.init.normal_(m.bias, std=0.1)
            elif isinstance(m, t.nn.BatchNorm2d):
                t.nn.init.normal_(m.weight)
                t.nn.init.normal_(m.bias, std=0.1)
    e = paper_nets.spectral_norm_all(e)
    # as in training: each forward pass in training mode moves u and v one power iteration on, and the
    # generator's running statistics away from their initial 0 and 1
    with t.no_grad():
        for _ in range(3):
            e(t.rand(BATCH, 3, 32, 32) * 2 - 1)
            g(t.randn(BATCH, NZ))
    return g, e, i


def checkpoint(g, e, i):
    """train.py's save_dict, with real Adam states (the converter must read past them)."""
    opts = {}
    for key, net in (("optG", g), ("optE", e), ("optI", i)):
        opt = t.optim.Adam(net.parameters(), lr=1e-4, betas=(0.0, 0.9))
        for p in net.parameters():
            p.grad = t.zeros_like(p)
        opt.step()
        opts[key] = opt.state_dict()
    return {"epoch": 7, "netG": g.state_dict(), "netE": e.state_dict(), "netI": i.state_dict(), **opts}


def refusal(ckpt, data_dir, change):
    broken = copy.deepcopy(ckpt)
    change(broken)
    try:
        convert_paper.convert(broken, data_dir, "cifar10", 1, "broken.pth")
    except convert_paper.ConversionError as err:
        return str(err)
    return None


def main(workdir, data_dir):
    t.set_num_threads(1)
    g, e, i = randomised()
    ckpt = checkpoint(g, e, i)
    pth = os.path.join(workdir, "paper.pth")
    t.save(ckpt, pth)
    # stdout carries the JSON alone
    with contextlib.redirect_stdout(sys.stderr):
        status = convert_paper.main([pth, os.path.join(workdir, "paper.dmcx"), "--data-dir", data_dir,
                                      "--trust-pickle"])
    if status != 0:
        raise SystemExit("check_converter: the conversion failed")
    gen = t.Generator().manual_seed(1)
    x = t.rand(BATCH, 3, 32, 32, generator=gen) * 2 - 1
    z = t.randn(BATCH, NZ, generator=gen)
    # the EBM as sampled and evaluated from stored u, v (no power iteration), the generator with batch
    # statistics as the paper's code (never in eval()) and the engine both use it
    e.eval()
    g.train()
    with t.no_grad():
        energy = e(x).reshape(-1)
        generated = g(z).reshape(BATCH, -1)
        mu, logvar = (a.reshape(BATCH, -1) for a in i(x))

    def extra(c):
        c["netE"]["block3.sc.weight_orig"] = t.zeros(WIDTH, WIDTH, 1, 1)

    def missing(c):
        del c["netG"]["block3.bn_2.running_var"]

    def shape(c):
        c["netI"]["conv52.bias"] = t.zeros(NZ + 1)

    refusals = {"extra": refusal(ckpt, data_dir, extra), "missing": refusal(ckpt, data_dir, missing),
                "shape": refusal(ckpt, data_dir, shape)}
    print(json.dumps({"x": x.reshape(BATCH, -1).tolist(), "z": z.tolist(), "energy": energy.tolist(),
                      "generated": generated.tolist(), "mu": mu.tolist(), "logvar": logvar.tolist(),
                      "refusals": refusals}))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
