"""The paper's CIFAR-10 networks in PyTorch, as its public code defines them (github.com/jcui1224/dual-MCMC,
nets.py: _Cifar10_netE, _Cifar10_netG, _Cifar10_netI; train.py's build_net* wraps the EBM's convolutions and
linear layer in torch.nn.utils.spectral_norm).

Written for this project from a reading of that code, not copied from it: that repository carries no licence
file, so none of its text may be reproduced here. What must agree is the function and the state-dict keys
(module attribute names), so that a checkpoint saved by the paper's train.py loads into these modules and
convert_paper.py can be tested against them. Anything that would change either is a bug here.

Used only by check_converter.py (the engine's PaperConverterTest); the converter itself needs no network code.
"""
import torch as t
import torch.nn as nn
import torch.nn.functional as F


def _up(x):
    return F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=True)


class GenBlock(nn.Module):
    """Pre-activation up-block: BN, ReLU, x2, conv3x3, BN, ReLU, conv3x3; shortcut x2 then a learned 1x1 conv.

    The paper's blocks always upsample, so the shortcut conv always exists (keys bn_1, conv1, bn_2, conv2, sc).
    """

    def __init__(self, channels):
        super().__init__()
        self.bn_1 = nn.BatchNorm2d(channels)
        self.bn_2 = nn.BatchNorm2d(channels)
        self.conv1 = nn.Conv2d(channels, channels, 3, 1, 1)
        self.conv2 = nn.Conv2d(channels, channels, 3, 1, 1)
        self.sc = nn.Conv2d(channels, channels, 1)

    def forward(self, x):
        h = self.conv2(F.relu(self.bn_2(self.conv1(_up(F.relu(self.bn_1(x)))))))
        return h + self.sc(_up(x))


class Generator(nn.Module):
    """lin_1: nz -> ngf x 4 x 4; block2..4: 4 -> 32; bn_5, ReLU, conv5 to RGB, tanh."""

    def __init__(self, nz, ngf):
        super().__init__()
        self.ngf = ngf
        self.lin_1 = nn.Linear(nz, 16 * ngf)
        self.block2 = GenBlock(ngf)
        self.block3 = GenBlock(ngf)
        self.block4 = GenBlock(ngf)
        self.bn_5 = nn.BatchNorm2d(ngf)
        self.conv5 = nn.Conv2d(ngf, 3, 3, 1, 1)

    def forward(self, z):
        h = self.lin_1(z.reshape(z.shape[0], -1)).reshape(-1, self.ngf, 4, 4)
        h = self.block4(self.block3(self.block2(h)))
        return t.tanh(self.conv5(F.relu(self.bn_5(h))))


class EnergyBlock(nn.Module):
    """Residual EBM block without biases. first: no ReLU before conv1 and the shortcut pools before its 1x1
    conv (the code's EBMBlockStart); otherwise ReLU first and the shortcut pools after (EBMBlock). A block that
    neither changes channels nor pools has an identity shortcut and no sc key."""

    def __init__(self, cin, cout, downsample, first):
        super().__init__()
        self.downsample, self.first = downsample, first
        self.conv1 = nn.Conv2d(cin, cout, 3, 1, 1, bias=False)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.learned = cin != cout or downsample
        if self.learned:
            self.sc = nn.Conv2d(cin, cout, 1, bias=False)

    def _pool(self, x):
        return F.avg_pool2d(x, 2) if self.downsample else x

    def forward(self, x):
        h = x if self.first else F.relu(x)
        h = self._pool(self.conv2(F.relu(self.conv1(h))))
        if not self.learned:
            y = x
        elif self.first:
            y = self.sc(self._pool(x))
        else:
            y = self._pool(self.sc(x))
        return h + y


class Energy(nn.Module):
    """conv_1 (32 -> 16), block2 (-> 8), block3, block4 (8 x 8), ReLU, global average pool, lin_5 without bias."""

    def __init__(self, ndf):
        super().__init__()
        self.conv_1 = EnergyBlock(3, ndf, True, True)
        self.block2 = EnergyBlock(ndf, ndf, True, False)
        self.block3 = EnergyBlock(ndf, ndf, False, False)
        self.block4 = EnergyBlock(ndf, ndf, False, False)
        self.lin_5 = nn.Linear(ndf, 1, bias=False)

    def forward(self, x):
        h = F.relu(self.block4(self.block3(self.block2(self.conv_1(x)))))
        return self.lin_5(h.mean(dim=(2, 3)))


class Inference(nn.Module):
    """main: conv3x3 and three stride-2 conv4x4 (nif, 2, 4, 8 nif; no biases), each with LeakyReLU(0.2);
    conv51 / conv52: 4x4 valid convs to mu and log-variance, [B, nz, 1, 1] each."""

    def __init__(self, nz, nif):
        super().__init__()
        layers = []
        cin = 3
        for i, cout in enumerate((nif, 2 * nif, 4 * nif, 8 * nif)):
            layers += [nn.Conv2d(cin, cout, 3, 1, 1, bias=False) if i == 0 else nn.Conv2d(cin, cout, 4, 2, 1,
                                                                                          bias=False),
                       nn.LeakyReLU(0.2)]
            cin = cout
        self.main = nn.Sequential(*layers)
        self.conv51 = nn.Conv2d(8 * nif, nz, 4, 1, 0)
        self.conv52 = nn.Conv2d(8 * nif, nz, 4, 1, 0)

    def forward(self, x):
        h = self.main(x)
        return self.conv51(h), self.conv52(h)


def spectral_norm_all(module):
    """What train.py's add_sn does to the EBM: every Conv2d and Linear spectrally normalised (keys weight_orig,
    weight_u, weight_v instead of weight)."""
    for name, child in module.named_children():
        setattr(module, name, spectral_norm_all(child))
    return nn.utils.spectral_norm(module) if isinstance(module, (nn.Conv2d, nn.Linear)) else module
