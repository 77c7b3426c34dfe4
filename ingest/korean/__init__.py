"""한국어 텍스트 도구 / Korean text utilities: numbers and money, dates, sentences."""
