# correct: plain loops: a count over the samples for each distinct threshold, the AUC over all pairs
import numpy as np


def _check(y_true, scores):
    if len(y_true) != len(scores):
        raise ValueError("y_true and scores differ in length")
    if len(y_true) == 0:
        raise ValueError("empty input")
    labels = set()
    for y in y_true:
        if y not in (0, 1):
            raise ValueError(f"label {y} is neither 0 nor 1")
        labels.add(int(y))
    if len(labels) < 2:
        raise ValueError("y_true holds one class only")
    return [int(y) for y in y_true], [float(s) for s in scores]


def roc_curve(y_true, scores):
    y_true, scores = _check(y_true, scores)
    positives = sum(y_true)
    negatives = len(y_true) - positives
    fpr, tpr, thresholds = [0.0], [0.0], [np.inf]
    for t in sorted(set(scores), reverse=True):
        tp = fp = 0
        for y, s in zip(y_true, scores):
            if s >= t:
                if y == 1:
                    tp += 1
                else:
                    fp += 1
        fpr.append(fp / negatives)
        tpr.append(tp / positives)
        thresholds.append(t)
    return np.array(fpr), np.array(tpr), np.array(thresholds)


def roc_auc_score(y_true, scores):
    y_true, scores = _check(y_true, scores)
    pos = [s for y, s in zip(y_true, scores) if y == 1]
    neg = [s for y, s in zip(y_true, scores) if y == 0]
    wins = 0.0
    for p in pos:
        for n in neg:
            if p > n:
                wins += 1.0
            elif p == n:
                wins += 0.5
    return wins / (len(pos) * len(neg))
