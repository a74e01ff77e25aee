#!/usr/bin/env python3
"""The engine's numbers, recomputed by the PyTorch reference: reads a checkpoint the engine wrote
(a toy2d MLP model set) and a probe (inputs and chain settings, JSON), runs torch_reference's
networks and both revision rules on them without noise (z at the probe's step size), and prints the results as JSON. The
engine's PeerAgreementTest compares them with its own.

Usage:  /usr/bin/python3 check_engine.py MODELS.dmcx PROBE.json
"""
import io
import json
import sys
import zipfile

import numpy as np
import torch as t

import torch_reference as ref


def load(path):
    """The three networks of a checkpoint, with the engine's weights ([out, in] per dense layer, as torch)."""
    with zipfile.ZipFile(path) as z:
        manifest = json.loads(z.read("manifest.json"))
        cfg = manifest["config"]
        if cfg["arch"] != "mlp" or cfg["spectral_norm"]:
            raise SystemExit("check_engine: only mlp model sets without spectral norm")
        width, nz = cfg["width"], cfg["nz"]
        nets = {"ebm": ref.three_layer_mlp(2, width, 1), "generator": ref.three_layer_mlp(nz, width, 2),
                "inference": ref.three_layer_mlp(2, width, 2 * nz)}
        for name, net in nets.items():
            for index in (0, 2, 4):
                layer = net[index]
                w = np.load(io.BytesIO(z.read(f"{name}/{index}.weight.npy")))
                b = np.load(io.BytesIO(z.read(f"{name}/{index}.bias.npy")))
                with t.no_grad():
                    layer.weight.copy_(t.from_numpy(w.astype(np.float32)))
                    layer.bias.copy_(t.from_numpy(b.astype(np.float32)).reshape(-1))
    return nets, cfg


def main(models, probe_file):
    t.set_num_threads(1)
    nets, cfg = load(models)
    with open(probe_file) as f:
        probe = json.load(f)
    x = t.tensor(probe["x"], dtype=t.float32)
    z = t.tensor(probe["z"], dtype=t.float32)
    settings = dict(cfg, x_steps=probe["x_steps"], z_steps=probe["z_steps"], z_step=probe["z_step"], x_noise=0.0,
                    z_noise=0.0)
    ebm, gen, inf = nets["ebm"], nets["generator"], nets["inference"]
    with t.no_grad():
        energy = ebm(x).reshape(-1)
        mu, logvar = inf(x).chunk(2, dim=1)
        generated = gen(z)
    x_revised = ref.revise_x(x, ebm, settings)
    z_revised = ref.revise_z(z, x, gen, settings)
    print(json.dumps({"energy": energy.tolist(), "mu": mu.tolist(), "logvar": logvar.tolist(),
                      "generated": generated.tolist(), "x_revised": x_revised.tolist(),
                      "z_revised": z_revised.tolist()}))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
