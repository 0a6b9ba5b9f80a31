"""The optional LLM coder: any OpenAI-compatible chat completions server (llama.cpp, Ollama,
vLLM, LM Studio, a hosted model) codes the events, held to the offline coder's standard of
evidence: every event quotes its sentence verbatim, the quote is anchored to offsets in the
original text, and names and dates go through the same resolvers. See docs/extract.md."""

from dualtrack.extract.llm.client import DEFAULT_URL, DocumentFailed, LLMError, LLMSettings
from dualtrack.extract.llm.coder import LLMCoder, Meter

__all__ = ["DEFAULT_URL", "DocumentFailed", "LLMCoder", "LLMError", "LLMSettings", "Meter"]
