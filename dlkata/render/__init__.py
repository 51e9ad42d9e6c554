"""Renderers: one small module per output format, each fed by the same `KataResult` records."""
