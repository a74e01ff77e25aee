#!/usr/bin/env python3
"""Dual-MCMC teaching in PyTorch (CPU): the update rules of docs/method.md on the engine's two
reference configurations, `toy2d` and `image28`, as the engine's `bench` times them. It is the
peer that bench/dualmcmc/compare.sh runs beside the engine, and a readable cross-check of the
rules: x-revision (Langevin on the EBM's energy), z-revision (Langevin on the generator's
posterior, started from the inference model), the three losses, Adam with beta1 = 0, beta2 = 0.9.

Usage:  python3 torch_reference.py [toy2d|image28|all] [--threads N] [--iters N]
Prints one JSON line per configuration: microseconds per x-step and per z-step (of a whole batch
of chains) and milliseconds per training iteration, medians of the timed repetitions.

Debian:  apt-get install -y --no-install-recommends python3-torch ; run with /usr/bin/python3.
"""
import argparse
import json
import statistics
import time

import torch as t
from torch import nn

# The engine's presets of the same names (TrainingConfig keys), restricted to what a step uses.
SETTINGS = {
    "toy2d": dict(batch=256, nz=2, width=128, x_steps=30, x_step=0.05, x_noise=0.005,
                  z_steps=10, z_step=0.1, z_noise=0.1, sigma=0.3, prior_sigma=1.0,
                  s_factor=50.0, i_factor=0.1, lr_e=1e-4, lr_g=3e-4, lr_i=1e-4,
                  decay_g=5e-4, decay_i=5e-4, fine_tune=True),
    "image28": dict(batch=64, nz=32, x_steps=30, x_step=0.5, x_noise=0.001,
                    z_steps=10, z_step=0.1, z_noise=0.1, sigma=0.3, prior_sigma=1.0,
                    s_factor=50.0, i_factor=0.1, lr_e=1e-4, lr_g=3e-4, lr_i=1e-4,
                    decay_g=5e-4, decay_i=5e-4, fine_tune=True),
}


def three_layer_mlp(n_in, width, n_out):
    """Linear, SiLU, Linear, SiLU, Linear: the engine's Architectures.mlp."""
    return nn.Sequential(nn.Linear(n_in, width), nn.SiLU(), nn.Linear(width, width), nn.SiLU(),
                         nn.Linear(width, n_out))


def networks(name, s):
    """(EBM, generator, inference model, data shape) as the engine builds them for `name`."""
    if name == "toy2d":
        w, nz = s["width"], s["nz"]
        return three_layer_mlp(2, w, 1), three_layer_mlp(nz, w, 2), three_layer_mlp(2, w, 2 * nz), (s["batch"], 2)
    nz = s["nz"]
    # EBM: 28 -> 14 -> 7 -> 4, LeakyReLU(0.2), one energy per image
    ebm = nn.Sequential(nn.Conv2d(1, 32, 4, 2, 1), nn.LeakyReLU(0.2),
                        nn.Conv2d(32, 64, 4, 2, 1), nn.LeakyReLU(0.2),
                        nn.Conv2d(64, 128, 3, 2, 1), nn.LeakyReLU(0.2),
                        nn.Flatten(), nn.Linear(128 * 4 * 4, 1))
    # generator: 7 -> 14 -> 28 by nearest-neighbour upsampling, each followed by a 3x3 convolution
    gen = nn.Sequential(nn.Linear(nz, 64 * 7 * 7), nn.ReLU(), nn.Unflatten(1, (64, 7, 7)),
                        nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(64, 32, 3, 1, 1), nn.ReLU(),
                        nn.Upsample(scale_factor=2, mode="nearest"), nn.Conv2d(32, 16, 3, 1, 1), nn.ReLU(),
                        nn.Conv2d(16, 1, 3, 1, 1), nn.Tanh())
    # inference model: 28 -> 14 -> 7, then mean and log-variance side by side
    inf = nn.Sequential(nn.Conv2d(1, 32, 4, 2, 1), nn.LeakyReLU(0.2),
                        nn.Conv2d(32, 64, 4, 2, 1), nn.LeakyReLU(0.2),
                        nn.Flatten(), nn.Linear(64 * 7 * 7, 2 * nz))
    return ebm, gen, inf, (s["batch"], 1, 28, 28)


def init_xavier(module):
    if isinstance(module, (nn.Linear, nn.Conv2d)):
        nn.init.xavier_normal_(module.weight)
        nn.init.zeros_(module.bias)


def revise_x(x, ebm, s, steps=None):
    """x-revision: x <- x - s_x^2/2 dE/dx + n_x U, for k_x steps (or `steps`)."""
    x = x.detach().clone().requires_grad_(True)
    for _ in range(s["x_steps"] if steps is None else steps):
        (grad,) = t.autograd.grad(ebm(x).sum(), x)
        with t.no_grad():
            x -= 0.5 * s["x_step"] ** 2 * grad
            x += s["x_noise"] * t.randn_like(x)
    return x.detach()


def revise_z(z, x, gen, s, steps=None):
    """z-revision: z <- z - s_z^2/2 (d||x - g(z)||^2/dz / sigma^2 + z / prior_sigma^2) + n_z U."""
    z = z.detach().clone().requires_grad_(True)
    for _ in range(s["z_steps"] if steps is None else steps):
        (grad,) = t.autograd.grad(((gen(z) - x) ** 2).sum(), z)
        with t.no_grad():
            z -= 0.5 * s["z_step"] ** 2 * (grad / s["sigma"] ** 2 + z / s["prior_sigma"] ** 2)
            z += s["z_noise"] * t.randn_like(z)
    return z.detach()


def gaussian_nll(z, mu, logvar):
    """Per sample: sum_d (lv_d / 2 + (z_d - mu_d)^2 / (2 (1e-6 + exp lv_d)))."""
    return (0.5 * logvar + 0.5 * (z - mu) ** 2 / (1e-6 + logvar.exp())).sum(1)


def iteration(x, models, optimisers, s):
    """One training iteration: generator, inference model, EBM, in that order."""
    ebm, gen, inf = models
    opt_e, opt_g, opt_i = optimisers
    b = x.shape[0]
    z = t.randn(b, s["nz"])

    opt_g.zero_grad()
    samples = gen(z)
    mu, logvar = inf(x).chunk(2, dim=1)
    z_rev = revise_z(mu + (0.5 * logvar).exp() * t.randn_like(mu), x, gen, s)
    samples_rev = revise_x(samples, ebm, s)
    loss_g = (((gen(z_rev) - x) ** 2).sum() + s["s_factor"] * ((samples - samples_rev) ** 2).sum()) / b
    loss_g.backward()
    opt_g.step()

    opt_i.zero_grad()
    mu2, logvar2 = inf(samples_rev).chunk(2, dim=1)
    loss_i = gaussian_nll(z_rev, mu, logvar).mean() + s["i_factor"] * gaussian_nll(z, mu2, logvar2).mean()
    loss_i.backward()
    opt_i.step()

    opt_e.zero_grad()
    fake = gen(z).detach()
    if s["fine_tune"]:
        fake = revise_x(fake, ebm, s)
    loss_e = (ebm(x).mean() - ebm(fake).mean()) / (s["x_noise"] / s["x_step"]) ** 2
    loss_e.backward()
    opt_e.step()
    return loss_e.item(), loss_g.item(), loss_i.item()


def median_seconds(fn, repetitions):
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench(name, iters):
    s = SETTINGS[name]
    t.manual_seed(1234)
    ebm, gen, inf, shape = networks(name, s)
    for m in (ebm, gen, inf):
        m.apply(init_xavier)
    optimisers = (t.optim.Adam(ebm.parameters(), lr=s["lr_e"], betas=(0.0, 0.9)),
                  t.optim.Adam(gen.parameters(), lr=s["lr_g"], betas=(0.0, 0.9), weight_decay=s["decay_g"]),
                  t.optim.Adam(inf.parameters(), lr=s["lr_i"], betas=(0.0, 0.9), weight_decay=s["decay_i"]))
    x = t.rand(shape) * 2 - 1
    z = t.randn(s["batch"], s["nz"])
    for _ in range(3):  # warm-up
        revise_x(x, ebm, s, 1)
        revise_z(z, x, gen, s, 1)
        iteration(x, (ebm, gen, inf), optimisers, s)
    steps = 20
    x_step_us = 1e6 * median_seconds(lambda: revise_x(x, ebm, s, steps), 5) / steps
    z_step_us = 1e6 * median_seconds(lambda: revise_z(z, x, gen, s, steps), 5) / steps
    iteration_ms = 1e3 * median_seconds(lambda: iteration(x, (ebm, gen, inf), optimisers, s), iters)
    return dict(config=name, peer="pytorch-" + t.__version__, threads=t.get_num_threads(), batch=s["batch"],
                x_step_us=round(x_step_us, 1), z_step_us=round(z_step_us, 1), iteration_ms=round(iteration_ms, 2))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("config", nargs="?", default="all", choices=["all", *SETTINGS])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--iters", type=int, default=10)
    args = parser.parse_args()
    t.set_num_threads(args.threads)
    for name in (SETTINGS if args.config == "all" else [args.config]):
        print(json.dumps(bench(name, args.iters)), flush=True)


if __name__ == "__main__":
    main()
