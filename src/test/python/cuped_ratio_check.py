#!/usr/bin/env python3
"""The expected values of AbtestCommandTest.cupedAdjustsAPerRequestRatioOnItsLinearisation: CUPED on
a per-request ratio by the delta method's linearisation, written independently with numpy.
Run: python3 src/test/python/cuped_ratio_check.py"""
import numpy as np
import scipy.stats as st

post = [(300, 2), (501, 3), (120, 1), (800, 4), (410, 2), (200, 2), (639, 3), (90, 1), (330, 2), (702, 3)]
pre = [(280, 2), (450, 3), (130, 1), (760, 4), (380, 2), (190, 2), (600, 3), (100, 1)]
arm = np.array(['a' if i % 2 == 0 else 'b' for i in range(len(post))])
num = np.array([p[0] for p in post], float)
den = np.array([p[1] for p in post], float)
has = np.arange(len(post)) < len(pre)
pn = np.array([pre[i][0] if has[i] else 0 for i in range(len(post))], float)
pd = np.array([pre[i][1] if has[i] else 0 for i in range(len(post))], float)
r_pre = pn[has].sum() / pd[has].sum()
lam = np.where(has, (pn - r_pre * pd) / pd[has].mean(), 0.0)   # 0: the pooled mean
ell = np.zeros(len(post))
ratio = {}
for a in 'ab':
    m = arm == a
    ratio[a] = num[m].sum() / den[m].sum()
    ell[m] = (num[m] - ratio[a] * den[m]) / den[m].mean()
theta = np.cov(ell, lam, ddof=1)[0, 1] / np.var(lam, ddof=1)
adj, var, raw = {}, {}, {}
for a in 'ab':
    m = arm == a
    adj[a] = ratio[a] - theta * lam[m].mean()
    var[a] = np.var(ell[m] - theta * lam[m], ddof=1) / m.sum()
    raw[a] = np.var(ell[m], ddof=1) / m.sum()
d = adj['b'] - adj['a']
se = np.sqrt(var['a'] + var['b'])
print("theta", theta, "control", adj['a'], "arm", adj['b'], "difference", d, "p", 2 * st.norm.sf(abs(d / se)),
      "variance reduction", 1 - (var['a'] + var['b']) / (raw['a'] + raw['b']))
