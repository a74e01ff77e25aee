#!/usr/bin/env python3
"""Converts a checkpoint of the paper's public PyTorch code (github.com/jcui1224/dual-MCMC, train.py: a .pth
holding netE, netG, netI state dicts, the optimisers' states and the epoch) into the engine's checkpoint format
(.dmcx), for models trained at scale on GPUs and explored in the app.

Usage:  /usr/bin/python3 convert_paper.py CKPT.pth OUT.dmcx --data-dir CIFAR10_FOLDER [--dataset cifar10|images]
                                          [--seed N] [--trust-pickle]

The networks become the engine's arch resnet32 (engine/.../model/ResNets.java) at the checkpoint's widths, with
the cifar10-paper preset's settings. Weights are carried over exactly; the engine's EBM and inference
convolutions have biases the paper's lack, which are written as zeros, and the two 4x4 inference heads become
one dense layer (the same function). The optimiser states are not converted: the file's Adam moments are zero
and its iteration 0, so training on in the app starts Adam afresh (and the learning-rate decay from the start).

--data-dir is recorded in the file because the engine loads a checkpoint's data set with it, and cifar10 is not
bundled: without a folder the app could not open the file. Give the CIFAR-10 binary version (the folder holding
cifar-10-batches-bin or data_batch_*.bin), or with --dataset images a folder of pictures.

The .pth is read with torch's weights-only loader, which runs no code from the file; torch before 2.0 cannot
read train.py's optimiser states that way, and --trust-pickle then reads it fully (only for files you made).
Needs torch (to read the .pth) and numpy; any failure is one line naming the key or file, and exit status 1.
"""
import argparse
import datetime
import hashlib
import io
import json
import os
import sys
import tempfile
import zipfile

import numpy as np

FORMAT, VERSION = "dualmcmc-checkpoint", 2
SOURCE = "github.com/jcui1224/dual-MCMC train.py"
# what train.py saves besides the three networks; read past, not converted
UNCONVERTED = ("epoch", "optE", "optG", "optI")
NETWORKS = ("netE", "netG", "netI")
# the engine's resnet32 ties the inference width to the others (Architectures.resnet: width / 4 at side 32),
# the ratio of the paper's config (512, 512, 128)
INFERENCE_RATIO = 4
# the generator's and inference model's 4 x 4 bottom (nets.py: bottom_width=4; netI's heads are 4x4 valid convs)
BOTTOM = 4


class ConversionError(Exception):
    pass


def preset(width, nz):
    """Presets.cifar10Paper() (engine/.../config/Presets.java) at the checkpoint's sizes; PaperConverterTest
    checks the two agree, so a change there cannot leave this behind unnoticed."""
    return {"mode": "dual-mcmc", "arch": "resnet32", "width": width, "nz": nz, "spectral_norm": True,
            "batch": 100, "x_steps": 30, "x_step": 0.5, "x_noise": 0.001, "z_steps": 10, "z_step": 0.1,
            "z_noise": 0.1, "sigma": 0.3, "prior_sigma": 1.0, "s_factor": 50.0, "i_factor": 0.1, "fine_tune": True,
            "divergence_bound": 10000.0, "lr_e": 1e-4, "lr_g": 3e-4, "lr_i": 1e-4, "decay_g": 5e-4,
            "decay_i": 5e-4, "lr_decay": 0.998, "beta1": 0.0, "beta2": 0.9}


# Kinds of layer, by how their paper keys become engine arrays:
#   sn     the EBM's layers: spectral_norm's weight_orig / weight_u / weight_v, no bias (the engine's is zero)
#   nobias a plain conv without bias (the inference model's trunk; the engine's bias is zero)
#   plain  weight and bias as they are
#   bn     BatchNorm2d: weight, bias -> gamma, beta; running stats -> layer state; num_batches_tracked dropped
#          (the engine's momentum is fixed at torch's 0.1, so the count is never used)
def table(c, nz, nif):
    """(paper net, paper module, engine net, engine layer, kind, torch weight shape) for every layer."""
    rows = []
    # EBM, engine layers: 0 reshape, 1 first block (main: conv 0, relu, conv 2, pool; shortcut: pool 0, conv 1),
    # 2 down-block (main: relu, conv 1, relu, conv 3, pool; shortcut: pool 0, conv 1; the code pools after its
    # 1x1 conv, which commutes), 3 and 4 blocks at 8 x 8 (identity shortcuts), 5 relu, 6 global pool, 7 flatten,
    # 8 dense to the energy
    rows += [("netE", "conv_1.conv1", "ebm", "1.main.0", "sn", (c, 3, 3, 3)),
             ("netE", "conv_1.conv2", "ebm", "1.main.2", "sn", (c, c, 3, 3)),
             ("netE", "conv_1.sc", "ebm", "1.shortcut.1", "sn", (c, 3, 1, 1))]
    rows += [("netE", "block2.conv1", "ebm", "2.main.1", "sn", (c, c, 3, 3)),
             ("netE", "block2.conv2", "ebm", "2.main.3", "sn", (c, c, 3, 3)),
             ("netE", "block2.sc", "ebm", "2.shortcut.1", "sn", (c, c, 1, 1))]
    for block, layer in (("block3", 3), ("block4", 4)):
        rows += [("netE", f"{block}.conv1", "ebm", f"{layer}.main.1", "sn", (c, c, 3, 3)),
                 ("netE", f"{block}.conv2", "ebm", f"{layer}.main.3", "sn", (c, c, 3, 3))]
    rows.append(("netE", "lin_5", "ebm", "8", "sn", (1, c)))
    # generator, engine layers: 0 dense (lin_1), 1 reshape to c x 4 x 4, 2-4 up-blocks (main: bn 0, relu,
    # bilinear, conv 3, bn 4, relu, conv 6; shortcut: bilinear 0, conv 1), 5 bn_5, 6 relu, 7 conv5, 8 tanh
    rows.append(("netG", "lin_1", "generator", "0", "plain", (BOTTOM * BOTTOM * c, nz)))
    for block, layer in (("block2", 2), ("block3", 3), ("block4", 4)):
        rows += [("netG", f"{block}.bn_1", "generator", f"{layer}.main.0", "bn", (c,)),
                 ("netG", f"{block}.conv1", "generator", f"{layer}.main.3", "plain", (c, c, 3, 3)),
                 ("netG", f"{block}.bn_2", "generator", f"{layer}.main.4", "bn", (c,)),
                 ("netG", f"{block}.conv2", "generator", f"{layer}.main.6", "plain", (c, c, 3, 3)),
                 ("netG", f"{block}.sc", "generator", f"{layer}.shortcut.1", "plain", (c, c, 1, 1))]
    rows += [("netG", "bn_5", "generator", "5", "bn", (c,)),
             ("netG", "conv5", "generator", "7", "plain", (3, c, 3, 3))]
    # inference trunk: nn.Sequential indices 0, 2, 4, 6 (LeakyReLUs between) are the engine's layers 1, 3, 5, 7
    # (0 is its reshape); the heads conv51 / conv52 are handled by heads()
    widths = (3, nif, 2 * nif, 4 * nif, 8 * nif)
    for i in range(4):
        k = 3 if i == 0 else 4
        rows.append(("netI", f"main.{2 * i}", "inference", str(2 * i + 1), "nobias", (widths[i + 1], widths[i], k, k)))
    return rows


# the inference model's flatten-and-dense after its trunk (engine layers 9 and 10)
HEADS_LAYER = "10"


class Converter:
    def __init__(self, ckpt):
        self.ckpt = ckpt
        self.used = {net: set() for net in NETWORKS}
        self.params = {}   # engine parameter entries, e.g. "ebm/1.main.0.weight"
        self.state = {}    # layer state entries, e.g. "ebm/1.main.0.weight.u"

    def take(self, net, key, shape):
        sd = self.ckpt[net]
        if key not in sd:
            raise ConversionError(f"{net}: missing key {key}")
        a = sd[key]
        got = tuple(a.shape)
        if got != tuple(shape):
            raise ConversionError(f"{net}: {key} has shape {list(got)}, expected {list(shape)}")
        self.used[net].add(key)
        a = np.ascontiguousarray(a.detach().cpu().numpy(), dtype="<f4")
        if not np.isfinite(a).all():
            raise ConversionError(f"{net}: {key} holds non-finite values")
        return a

    def layer(self, pnet, pmod, enet, elayer, kind, wshape):
        p, e = f"{pmod}.", f"{enet}/{elayer}."
        out = wshape[0]
        if kind == "sn":
            w = self.take(pnet, p + "weight_orig", wshape)
            rest = int(np.prod(wshape[1:]))
            # torch keeps u [out] and v [in*k*k]; the engine keeps column vectors of the same matrix view
            self.state[e + "weight.u"] = self.take(pnet, p + "weight_u", (out,)).reshape(out, 1)
            self.state[e + "weight.v"] = self.take(pnet, p + "weight_v", (rest,)).reshape(rest, 1)
            self.params[e + "weight"] = w
            self.params[e + "bias"] = np.zeros(out, dtype="<f4")
        elif kind == "nobias":
            self.params[e + "weight"] = self.take(pnet, p + "weight", wshape)
            self.params[e + "bias"] = np.zeros(out, dtype="<f4")
        elif kind == "plain":
            self.params[e + "weight"] = self.take(pnet, p + "weight", wshape)
            self.params[e + "bias"] = self.take(pnet, p + "bias", (out,))
        elif kind == "bn":
            self.params[e + "gamma"] = self.take(pnet, p + "weight", wshape)
            self.params[e + "beta"] = self.take(pnet, p + "bias", wshape)
            self.state[e + "running_mean"] = self.take(pnet, p + "running_mean", wshape)
            self.state[e + "running_var"] = self.take(pnet, p + "running_var", wshape)
            if p + "num_batches_tracked" not in self.ckpt[pnet]:
                raise ConversionError(f"{pnet}: missing key {p}num_batches_tracked")
            self.used[pnet].add(p + "num_batches_tracked")
        else:
            raise AssertionError(kind)

    def heads(self, nz, nif):
        """conv51 (mu) and conv52 (log-variance), 4x4 valid convs on the 8 nif x 4 x 4 map, are one dense layer
        on its flattening (C, H, W order, as torch's weight reshape), mu's rows first as InferenceModel reads."""
        c = 8 * nif
        ws = [self.take("netI", f"{h}.weight", (nz, c, BOTTOM, BOTTOM)).reshape(nz, -1) for h in ("conv51", "conv52")]
        bs = [self.take("netI", f"{h}.bias", (nz,)) for h in ("conv51", "conv52")]
        self.params[f"inference/{HEADS_LAYER}.weight"] = np.concatenate(ws, axis=0)
        self.params[f"inference/{HEADS_LAYER}.bias"] = np.concatenate(bs)

    def unused(self):
        for net in NETWORKS:
            left = sorted(set(self.ckpt[net]) - self.used[net])
            if left:
                raise ConversionError(f"{net}: unknown key {left[0]}" + (f" (and {len(left) - 1} more)"
                                                                          if len(left) > 1 else "")
                                      + "; not the paper's CIFAR-10 networks (nets.py _Cifar10_net*)")


def shape_of(sd, net, key, rank):
    if key not in sd:
        raise ConversionError(f"{net}: missing key {key}")
    s = tuple(sd[key].shape)
    if len(s) != rank:
        raise ConversionError(f"{net}: {key} has shape {list(s)}, expected rank {rank}")
    return s


def sizes(ckpt):
    """(width, nz, inference width) from the checkpoint, refusing what the engine's resnet32 cannot hold."""
    ngf, nz = shape_of(ckpt["netG"], "netG", "lin_1.weight", 2)
    ngf //= BOTTOM * BOTTOM
    ndf = shape_of(ckpt["netE"], "netE", "conv_1.conv1.weight_orig", 4)[0]
    nif = shape_of(ckpt["netI"], "netI", "main.0.weight", 4)[0]
    if ndf != ngf:
        raise ConversionError(f"netE: conv_1.conv1.weight_orig: width ndf={ndf} differs from the generator's "
                              f"ngf={ngf}; the engine's resnet32 has one width for both")
    if nif * INFERENCE_RATIO != ngf:
        raise ConversionError(f"netI: main.0.weight: width nif={nif} is not ngf/{INFERENCE_RATIO}={ngf / 4:g}, "
                              f"the only inference width the engine's resnet32 builds (the paper's 128 for 512)")
    return ngf, nz, nif


def describe(c, nz, nif):
    """The networks as the engine's Network.describe() words them (the manifest's architecture field)."""
    def conv(i, o, k, s=1, p=None, sn=False):
        return f"conv({i}->{o},k{k},s{s},p{k // 2 if p is None else p}{',sn' if sn else ''})"

    down_first = (f"residual[{conv(3, c, 3, sn=True)} > relu > {conv(c, c, 3, sn=True)} > avgpool(2) + "
                  f"avgpool(2) > {conv(3, c, 1, sn=True)}]")
    down = (f"residual[relu > {conv(c, c, 3, sn=True)} > relu > {conv(c, c, 3, sn=True)} > avgpool(2) + "
            f"avgpool(2) > {conv(c, c, 1, sn=True)}]")
    keep = f"residual[relu > {conv(c, c, 3, sn=True)} > relu > {conv(c, c, 3, sn=True)} + identity]"
    ebm = " > ".join(["reshape[3, 32, 32]", down_first, down, keep, keep, "relu", "avgpool(global)", "flatten",
                      f"dense({c}->1,sn)"])
    up = (f"residual[batchnorm({c}) > relu > bilinear(x2,align_corners) > {conv(c, c, 3)} > batchnorm({c}) > relu > "
          f"{conv(c, c, 3)} + bilinear(x2,align_corners) > {conv(c, c, 1)}]")
    gen = " > ".join([f"dense({nz}->{16 * c})", f"reshape[{c}, 4, 4]", up, up, up, f"batchnorm({c})", "relu",
                      conv(c, 3, 3), "tanh", "flatten"])
    inf = ["reshape[3, 32, 32]", conv(3, nif, 3), "leaky_relu(0.2)"]
    for i in (1, 2, 4):
        inf += [conv(i * nif, 2 * i * nif, 4, 2, 1), "leaky_relu(0.2)"]
    inf += ["flatten", f"dense({8 * nif * 16}->{2 * nz})"]
    return {"ebm": ebm, "generator": gen, "inference": " > ".join(inf)}


def npy(a):
    buf = io.BytesIO()
    np.save(buf, a, allow_pickle=False)
    return buf.getvalue()


def load_pth(path, trust):
    import torch as t
    try:
        # unpickling can run code: a file from elsewhere is read as tensors and plain containers only,
        # unless its owner says it is theirs
        ckpt = t.load(path, map_location="cpu", weights_only=not trust)
    except Exception as e:
        why = str(e).splitlines()[0] if str(e) else type(e).__name__
        if not trust and "eights" in why:
            why = ("torch's weights-only loader refuses it; torch before 2.0 cannot read train.py's optimiser "
                   "states that way: if you made the file, add --trust-pickle")
        raise ConversionError(f"{path}: not a readable PyTorch checkpoint ({why[:300]})")
    if not isinstance(ckpt, dict):
        raise ConversionError(f"{path}: not a train.py checkpoint (a {type(ckpt).__name__}, not a dict)")
    for key in ckpt:
        if key not in NETWORKS + UNCONVERTED:
            raise ConversionError(f"{path}: unknown key {key}; train.py saves {', '.join(NETWORKS + UNCONVERTED)}")
    for net in NETWORKS:
        if net not in ckpt:
            raise ConversionError(f"{path}: missing key {net}")
        if not isinstance(ckpt[net], dict):
            raise ConversionError(f"{path}: {net} is not a state dict")
    return ckpt


def convert(ckpt, data_dir, dataset, seed, source_name):
    c, nz, nif = sizes(ckpt)
    conv = Converter(ckpt)
    for row in table(c, nz, nif):
        conv.layer(*row)
    conv.heads(nz, nif)
    conv.unused()
    arrays = {}
    for net in ("ebm", "generator", "inference"):
        for name, a in conv.params.items():
            if name.startswith(net + "/"):
                arrays[name + ".npy"] = a
                # Adam's moments, zero: the paper's optimiser states are not mapped (see the module doc)
                arrays[f"adam/{name}.m.npy"] = np.zeros_like(a)
                arrays[f"adam/{name}.v.npy"] = np.zeros_like(a)
        for name, a in conv.state.items():
            if name.startswith(net + "/"):
                arrays[f"state/{name}.npy"] = a
    blobs = {name: npy(a) for name, a in arrays.items()}
    epoch = ckpt.get("epoch")
    manifest = {
        "format": FORMAT, "version": VERSION, "dataset": dataset, "data_dir": data_dir, "seed": seed,
        "iteration": 0, "batch_position": 0, "config": preset(c, nz),
        "rng": {"scheme": "derived from (seed, iteration) per draw", "seed": seed, "iteration": 0},
        "architecture": describe(c, nz, nif), "optimiser_steps": [0, 0, 0], "metrics": {},
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat().replace("+00:00", "Z"),
        "converted_from": {"file": source_name, "code": SOURCE,
                           "epoch": int(epoch) if isinstance(epoch, (int, np.integer)) else None,
                           "not_converted": [k for k in UNCONVERTED if k in ckpt and k != "epoch"]},
        "arrays": {name: list(a.shape) for name, a in arrays.items()},
        "sha256": {name: hashlib.sha256(b).hexdigest() for name, b in blobs.items()},
    }
    return manifest, blobs


def write(out, manifest, blobs):
    """Manifest first (stream readers find it before the arrays), atomically as the engine writes."""
    folder = os.path.dirname(os.path.abspath(out))
    fd, tmp = tempfile.mkstemp(prefix=".convert-", suffix=".dmcx", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("manifest.json", json.dumps(manifest, indent=2))
                for name, b in blobs.items():
                    z.writestr(name, b)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes the file private; the checkpoint gets the permissions any new file would
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, out)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("checkpoint", help="a .pth saved by the paper's train.py")
    ap.add_argument("out", help="the .dmcx to write")
    ap.add_argument("--data-dir", required=True,
                    help="the CIFAR-10 binary version (or, with --dataset images, a folder of pictures) the app "
                         "loads with the models")
    ap.add_argument("--dataset", default="cifar10", choices=("cifar10", "images"))
    ap.add_argument("--trust-pickle", action="store_true",
                    help="read the .pth with full unpickling, which can run code: only for files you made")
    ap.add_argument("--seed", type=int, default=1, help="the engine's seed for sampling and further training")
    args = ap.parse_args(argv)
    try:
        if not os.path.exists(args.data_dir):
            raise ConversionError(f"--data-dir {args.data_dir} does not exist (the app loads the data set from it)")
        ckpt = load_pth(args.checkpoint, args.trust_pickle)
        manifest, blobs = convert(ckpt, os.path.abspath(args.data_dir), args.dataset, args.seed,
                                  os.path.basename(args.checkpoint))
        write(args.out, manifest, blobs)
    except (ConversionError, OSError) as e:
        print(f"convert_paper: {e}", file=sys.stderr)
        return 1
    cfg = manifest["config"]
    print(f"wrote {args.out}: resnet32, width {cfg['width']}, nz {cfg['nz']}, {len(blobs)} arrays"
          f" (optimiser states not converted)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
