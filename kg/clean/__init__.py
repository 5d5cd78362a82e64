"""Cleaning: page text -> the article the extractors read.

``normalize`` folds equivalent spellings (NFC, invisible characters, tone-mark
placement for comparisons); ``page`` finds the article inside a scraped page
(headline, body boundaries, captions); ``meta`` parses printed dates, datelines
and credits; ``sentences`` splits the body with offsets; ``article`` assembles
an :class:`~kg.model.Article` with a content-derived id.
"""
