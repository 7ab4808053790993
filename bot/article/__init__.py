"""Articles: the model, the section registry and labels, parsing, quotes, summaries (pure)."""

from bot.article.model import Article, Block, Quote, Section
from bot.article.parse import parse_article
from bot.article.sections import SECTION_KEYS

__all__ = ["SECTION_KEYS", "Article", "Block", "Quote", "Section", "parse_article"]
