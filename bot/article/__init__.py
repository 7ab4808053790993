"""Articles: the model, section labels, parsing, quotes and summaries (pure code)."""

from bot.article.model import SECTION_KEYS, Article, Block, Quote, Section
from bot.article.parse import parse_article

__all__ = ["SECTION_KEYS", "Article", "Block", "Quote", "Section", "parse_article"]
