"""Small, deterministic L2-regularised regressions: multinomial logit and log-normal duration.

Written on NumPy/SciPy (no scikit-learn) so that refitting is exact and cheap: a few hundred crises
and a dozen features fit in milliseconds, and L-BFGS from a zero start gives the same coefficients
every run. Features are standardised with training statistics, the intercept is not penalised, and
the penalty strength is chosen by K-fold cross-validation on the training rows only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

LAMBDA_GRID: tuple[float, ...] = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
"""Candidate L2 strengths (penalty = lambda/2 * ||W||^2 on standardised features, per row)."""


@dataclass(frozen=True)
class Standardiser:
    mean: np.ndarray
    scale: np.ndarray

    @classmethod
    def fit(cls, x: np.ndarray) -> Standardiser:
        scale = x.std(axis=0)
        return cls(x.mean(axis=0), np.where(scale > 0, scale, 1.0))

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return (x - self.mean) / self.scale


@dataclass(frozen=True)
class MultinomialLogit:
    """P(class k | x) = softmax(b + W z), z = standardised x."""

    std: Standardiser
    intercept: np.ndarray  # [K]
    coef: np.ndarray  # [K, P]

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        from scipy.special import softmax  # imported here: fitting only, not at start-up

        z = self.std(np.atleast_2d(x))
        return softmax(z @ self.coef.T + self.intercept, axis=1)


def fit_multinomial(x: np.ndarray, y: np.ndarray, n_classes: int, lam: float) -> MultinomialLogit:
    """Penalised maximum likelihood; `y` holds class indices 0..n_classes-1."""
    from scipy.optimize import minimize  # imported here: fitting only, not at start-up
    from scipy.special import log_softmax

    std = Standardiser.fit(x)
    z = std(x)
    n, p = z.shape
    onehot = np.eye(n_classes)[y]

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        b, w = theta[:n_classes], theta[n_classes:].reshape(n_classes, p)
        logp = log_softmax(z @ w.T + b, axis=1)
        resid = np.exp(logp) - onehot
        value = -(onehot * logp).sum() / n + 0.5 * lam * (w * w).sum()
        grad_w = resid.T @ z / n + lam * w
        return value, np.concatenate([resid.mean(axis=0), grad_w.ravel()])

    start = np.zeros(n_classes * (p + 1))
    start[:n_classes] = np.log(np.bincount(y, minlength=n_classes) + 0.5)
    res = minimize(
        loss,
        start,
        jac=True,
        method="L-BFGS-B",
        options={"gtol": 1e-10, "ftol": 0, "maxiter": 5000},
    )
    intercept = res.x[:n_classes] - res.x[:n_classes].mean()  # softmax is shift-invariant
    return MultinomialLogit(std, intercept, res.x[n_classes:].reshape(n_classes, p))


@dataclass(frozen=True)
class LogNormalDuration:
    """log(days) ~ Normal(b + w.z, sigma^2): ridge regression with a residual scale."""

    std: Standardiser
    intercept: float
    coef: np.ndarray  # [P]
    sigma: float

    def mu(self, x: np.ndarray) -> np.ndarray:
        return self.std(np.atleast_2d(x)) @ self.coef + self.intercept


def fit_lognormal(x: np.ndarray, days: np.ndarray, lam: float) -> LogNormalDuration:
    std = Standardiser.fit(x)
    z = std(x)
    t = np.log(days)
    n, p = z.shape
    w = np.linalg.solve(z.T @ z / n + lam * np.eye(p), z.T @ (t - t.mean()) / n)
    resid = t - t.mean() - z @ w
    return LogNormalDuration(std, float(t.mean()), w, float(np.sqrt(np.mean(resid**2))))


def kfold_indices(n: int, k: int, seed: int) -> list[np.ndarray]:
    """Fold membership from a seeded permutation: the folds are fixed before any fitting."""
    order = np.random.default_rng(seed).permutation(n)
    return [np.sort(order[i::k]) for i in range(k)]


def cv_multinomial(
    x: np.ndarray, y: np.ndarray, n_classes: int, folds: list[np.ndarray]
) -> tuple[float, dict[float, float]]:
    """Lambda with the lowest mean held-out log-loss, and the loss per lambda."""
    scores = {}
    for lam in LAMBDA_GRID:
        total = 0.0
        for test in folds:
            train = np.setdiff1d(np.arange(len(y)), test)
            model = fit_multinomial(x[train], y[train], n_classes, lam)
            prob = model.predict_proba(x[test])
            total += -np.log(np.clip(prob[np.arange(len(test)), y[test]], 1e-12, None)).sum()
        scores[lam] = total / len(y)
    return min(scores, key=lambda lam: (scores[lam], -lam)), scores


def cv_lognormal(
    x: np.ndarray, days: np.ndarray, folds: list[np.ndarray]
) -> tuple[float, dict[float, float]]:
    """Lambda with the lowest mean held-out Gaussian negative log-likelihood of log-days."""
    scores = {}
    t = np.log(days)
    for lam in LAMBDA_GRID:
        total = 0.0
        for test in folds:
            train = np.setdiff1d(np.arange(len(t)), test)
            m = fit_lognormal(x[train], days[train], lam)
            r = (t[test] - m.mu(x[test])) / m.sigma
            total += (0.5 * r**2 + np.log(m.sigma) + 0.5 * np.log(2 * np.pi)).sum()
        scores[lam] = total / len(t)
    return min(scores, key=lambda lam: (scores[lam], -lam)), scores


def fit_binary_logit(x: np.ndarray, y: np.ndarray, lam: float) -> tuple[float, float]:
    """(intercept, slope) of P(y = 1 | x) = expit(intercept + slope x) for one feature x, by
    penalised maximum likelihood (penalty lam/2 * slope^2 on the standardised feature, per row;
    intercept free). Newton's method on two parameters: exact and fast enough to refit per fold
    and per outcome, where the general multinomial fit would take minutes."""
    std = Standardiser.fit(x[:, None])
    z = std(x[:, None])[:, 0]
    ybar = (y.sum() + 0.5) / (len(y) + 1)
    theta = np.array([np.log(ybar / (1 - ybar)), 0.0])
    for _ in range(100):
        p = 1 / (1 + np.exp(-(theta[0] + theta[1] * z)))
        v = p * (1 - p)
        grad = np.array([np.mean(p - y), np.mean((p - y) * z) + lam * theta[1]])
        hess = np.array(
            [[v.mean() + 1e-12, np.mean(v * z)], [np.mean(v * z), np.mean(v * z * z) + lam]]
        )
        step = np.linalg.solve(hess, grad)
        theta = theta - step
        if np.abs(step).max() < 1e-12:
            break
    slope = float(theta[1] / std.scale[0])
    return float(theta[0]) - slope * float(std.mean[0]), slope


def cv_binary_logit(
    x: np.ndarray, y: np.ndarray, folds: list[np.ndarray]
) -> tuple[float, dict[float, float]]:
    """Lambda with the lowest mean held-out log-loss of `fit_binary_logit`, and the loss per
    lambda (ties go to the stronger penalty)."""
    scores = {}
    for lam in LAMBDA_GRID:
        total = 0.0
        for test in folds:
            train = np.setdiff1d(np.arange(len(y)), test)
            a, b = fit_binary_logit(x[train], y[train], lam)
            # a held-out x far outside the fold's range overflows exp: 1/(1+inf) = 0, then clipped
            with np.errstate(over="ignore"):
                p = np.clip(1 / (1 + np.exp(-(a + b * x[test]))), 1e-12, 1 - 1e-12)
            total += -(y[test] * np.log(p) + (1 - y[test]) * np.log(1 - p)).sum()
        scores[lam] = total / len(y)
    return min(scores, key=lambda lam: (scores[lam], -lam)), scores


def fit_offset_intercept(x: np.ndarray, y: np.ndarray) -> float:
    """Intercept a of P(y = 1 | x) = expit(a + x): a shift of the forecast's log-odds with its
    slope held at 1, the one-parameter recalibration a small sample can afford. Newton's method
    on one parameter, from zero (the uncalibrated forecast)."""
    a = 0.0
    for _ in range(100):
        # a forecast of 0 or 1 has infinite log-odds: exp overflows and p is 0, as it should be
        with np.errstate(over="ignore"):
            p = 1 / (1 + np.exp(-(a + x)))
        step = np.mean(p - y) / (np.mean(p * (1 - p)) + 1e-12)
        a -= step
        if abs(step) < 1e-12:
            break
    return float(a)
