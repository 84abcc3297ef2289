"""Measuring the extractor against annotated corpora (NEREL, factRuEval-2016)."""
