"""News furniture that is not the article: datelines, bylines, photo captions and credits,
image markup, related and ranking news lists, comment and view counters, share buttons,
weather tickers.

기사 아닌 것 / what is not the article: a news page carries, around and inside the article,
text that names places, people and organisations without saying anything about them: the
dateline "(세종=뉴스1)" names a city, a photo credit "(사진=울산시 제공)" a city government, a
"많이 본 뉴스" list other regions' stories. ``normalize`` leaves them out before extraction and
keeps the raw offsets of everything else exact; each removal is reported with its reason.

Two kinds of rule: whole lines (``line_reasons``) and spans inside a line (``inline_spans``).
Every rule is about the form of news furniture; none knows a publisher or a document.
"""

from __future__ import annotations

import re

# Bracket characters, escaped for use inside a character class.
_OPEN, _CLOSE = re.escape("([【〔<［"), re.escape(")]】〕>］")
_REPORTER = r"(?:기자|특파원|통신원|객원기자|선임기자|인턴기자|편집위원|논설위원|전문위원|사진기자)"
_NAME = r"[가-힣]{2,4}"
_NAMES = rf"{_NAME}(?:\s?[·,]\s?{_NAME}){{0,3}}"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
# A bracketed dateline or byline at the start of a paragraph: "(세종=뉴스1)", "[서울=뉴시스]",
# "【대전=뉴스핌】", "[아시아경제 홍길동 기자]", then possibly "홍길동 기자 =".
_DATELINE = re.compile(
    rf"^[{_OPEN}]\s?(?:[^{_CLOSE}\n=]{{1,20}}=\s?[^{_CLOSE}\n]{{1,25}}"
    rf"|[^{_CLOSE}\n]{{0,20}}{_NAMES}\s?{_REPORTER}(?:\s?{_EMAIL})?)\s?[{_CLOSE}]"
    rf"(?:\s?{_NAMES}\s?{_REPORTER}(?:\s?{_EMAIL})?)?(?:\s?[=|:]\s?|\s|$)"
)
# A byline that opens a paragraph without brackets: "홍길동 기자 = 정부는 ...".
_BYLINE_LEAD = re.compile(rf"^{_NAMES}\s?{_REPORTER}\s?=\s?")
# A byline closing a paragraph: "... 밝혔다. /홍길동 기자 hong@news.kr".
_BYLINE_TAIL = re.compile(
    rf"(?:\s?/\s?{_NAMES}\s?{_REPORTER}(?:\s?{_EMAIL})?|\s{_NAMES}\s?{_REPORTER}\s?{_EMAIL})\s*$"
)
# A whole line that is only a byline, an e-mail address or a reporter's signature.
_BYLINE_LINE = re.compile(
    rf"^[/\s{_OPEN}]*(?:[가-힣A-Za-z]{{1,10}}\s?=\s?)?(?:[\w가-힣]{{1,15}}\s)?"
    rf"(?:글\s?·?\s?사진\s?=\s?|사진\s?=\s?)?{_NAMES}\s?{_REPORTER}"
    rf"(?:\s?{_EMAIL})?[\s{_CLOSE}]*$"
    rf"|^\s*{_EMAIL}\s*$"
)
# A credit in brackets: "(사진=울산시 제공)", "[그래픽=홍길동 기자]", "(울산시 제공)".
_CREDIT = re.compile(
    rf"\s?[{_OPEN}]\s?(?:(?:사진|자료|자료사진|그래픽|이미지|영상|출처|제공|촬영)\s?[=:：]"
    rf"[^{_CLOSE}\n]{{0,40}}|[^{_CLOSE}\n]{{1,30}}\s?제공)\s?[{_CLOSE}]"
)
# Image markup left by the page's conversion: <img ...>, ![alt](url), [이미지], [사진 1].
_IMAGE_MARKUP = re.compile(
    r"<img\b[^>\n]*>|!\[[^\]\n]*\]\([^)\n]*\)|\[(?:이미지|사진|그림|영상|동영상|그래픽|포토)(?:\s?\d+)?\]"
)
# A caption line: "사진=...", "[사진] ...", "▲ ... (사진=...)" with the credit, or only a credit.
_CAPTION_LINE = re.compile(
    rf"^\s?[{_OPEN}]?\s?(?:사진|그래픽|자료사진|이미지|영상)\s?(?:[=:：]|[{_CLOSE}])"
)
_CAPTION_MARK = re.compile(r"^\s?[▲△▷]")
# Who stands where in a photo: "(왼쪽)", "(가운데)", "(오른쪽 두 번째)".
_POSITION = re.compile(r"\((?:왼쪽|오른쪽|가운데|앞줄|뒷줄|뒷줄 왼쪽|앞줄 오른쪽)[^)]{0,8}\)")
# A credit closing a caption line without brackets: "사진 제공=포항시", "충남도 제공",
# "/사진=전북도.".
_CREDIT_END = re.compile(
    r"(?:(?:사진\s?)?제공\s?[=:]\s?\S+(?:\s\S+)?|\s\S{2,12}\s제공|/\s?사진\s?=\s?\S+)\.?\s*$"
)
# A short line that holds a reporter's e-mail address, whole or cut off at the page's edge:
# "홍길동 기자 (hong@news.kr)", "공장 전경 2024.01.02 hong@news.kr |", "홍길동기자 hong@n".
_EMAIL_LINE = re.compile(rf"{_EMAIL}|[\w.+-]+@[\w.-]*$")
#: An e-mail line longer than this is a paragraph that gives an address, and stays.
_EMAIL_LINE_MAX = 100
# A dateline alone on its line, perhaps cut off: "전주=홍길동 기자", "(청주=어느통신)",
# "대구=홍길동기".
_DATELINE_LINE = re.compile(
    rf"^[{_OPEN}]?\s?[가-힣]{{1,10}}\s?=\s?[가-힣A-Za-z0-9\s]{{1,12}}[{_CLOSE}]?$"
)
# A weather ticker's line in the page's header: maybe the sky, a place (maybe marked as a
# forecast, "홍성(예)"), its temperature ("흐림서울 16.5℃", "구름많음 제주 26℃", "서울 20.7℃").
# The place is the weather's, not the story's.
_WEATHER_LINE = re.compile(
    r"^(?:(?:맑음|흐림|구름\s?많음|구름\s?조금|약간\s?흐림|비|눈|비\s?또는\s?눈|눈\s?또는\s?비|"
    r"소나기|진눈깨비|안개|황사|박무|연무)\s?)?[가-힣]{1,6}(?:\([가-힣]{1,2}\))?\s?-?\d{1,2}(?:\.\d)?"
    r"\s?(?:℃|°C?)$"
)
# A list bullet before a line of furniture: "• 홍길동 기자", "- 승인 2024.01.02".
_LEAD_BULLET = re.compile(r"^[•·ㆍ∙◦\-]\s?")
# A news section named in the page's header, before the article: "• 광주/호남" as a menu item,
# "주요뉴스 대전·세종·충남" as a heading. Each part is a short word, so it is a section's name.
_SECTION_ITEM = re.compile(r"^[•\-]\s?[가-힣]{1,4}(?:[·/][가-힣]{1,4})+$")
_SECTION_HEAD = re.compile(
    r"^(?:주요|최신|지역|전국|오늘의|많이\s?본)\s?(?:뉴스|기사)\s[가-힣]{1,4}(?:[·/][가-힣]{1,4})*$"
)
_IMAGE_LINE = re.compile(
    r"^(?:이미지|사진)\s?(?:확대|크게)\s?보기$|^(?:기사\s?)?(?:이미지|사진)\s?확대$|^https?://\S+$"
)
# Words of comment and view counters and of the page's time stamps.
_COUNTER_TEXT = """
    댓글 댓글수 댓글쓰기 좋아요 싫어요 추천 비추천 공감 조회 조회수 읽음 입력 수정 승인 등록
    기사입력 최종수정 업데이트 발행 발행일 송고 게재 기사승인 입력일 수정일 오전 오후 am pm
    개 회 건 명
"""
_COUNTER_WORDS = frozenset(_COUNTER_TEXT.split())
_COUNTER_NUMBER = re.compile(r"[\d,.\-/:]+(?:개|회|건|명)?")
_COUNTER_SPLIT = re.compile(r"[\s|:：·()\[\]]+")
# Share, print and font-size buttons: a line of nothing else ("• 카카오스토리카카오스토리",
# "페이스북 트위터 링크복사 인쇄 글자크기").
_BUTTON = re.compile(
    r"(?:카카오스토리|카카오톡(?:\s?공유)?|카카오|페이스북|facebook|트위터|twitter|엑스|x|"
    r"네이버\s?밴드|밴드|네이버|라인|텔레그램|링크\s?복사|url\s?복사|주소\s?복사|복사|공유(?:하기)?|"
    r"스크랩|인쇄|프린트|이메일|메일|글자\s?크기|글씨\s?크기|폰트|확대|축소|크게|작게|기사\s?저장|"
    r"북마크|구독|닫기|보내기|가|\+|-)+",
    re.IGNORECASE,
)
# Names that are companies as much as buttons: a line of these alone is kept.
_BRAND_ONLY = frozenset({"카카오", "네이버", "라인", "밴드", "x", "엑스"})
_BUTTON_SPLIT = re.compile(r"[\s•·|/()\[\]]+")
# A heading that opens a list of other stories.
_LIST_HEADING = re.compile(
    r"^[\s\[【<▶■◆●]*(?:관련\s?(?:기사|뉴스)|많이\s?(?:본|읽은)\s?(?:뉴스|기사)|가장\s?많이\s?본\S*"
    r"|(?:랭킹|인기|주요|최신|추천|포토|핫|헤드라인|실시간|화제의)\s?(?:기사|뉴스|이슈|클릭)\S*"
    r"|이\s?시각\s?\S+|오늘의\s?(?:뉴스|기사|이슈)|(?:이\s?)?기자의\s?(?:다른|최신)\s?기사"
    r"|다른\s?기사\s?보기|함께\s?(?:보면\s?좋은|볼만한)\s?(?:기사|뉴스)|지금\s?뜨는\s?\S+"
    r"|(?:많이|가장)\s?본\s?기사)"
    r"[\s\]】>]*(?:더\s?보기|\+|more)?\s*$",
    re.IGNORECASE,
)
_LIST_LEAD = re.compile(r"^\s?[\[【<]\s?관련\s?(?:기사|뉴스)\s?[\]】>]")
_SENTENCE_END = re.compile(r"(?:다|요|죠)[.!?][\"'”’)]*$")
# A sentence end anywhere in a line: "... 계획이다./홍길동 기자 hong@" is a sentence and stays.
_CLAUSE_END = re.compile(r"(?:다|요|죠)[.!?]")
# A story's title in a list without a heading, and how many of them in a row make a list.
_HEADLINE_ITEM = re.compile(r"^-\s?\S")
_HEADLINE_RUN = 3
#: A story's title in a list is at most this long; a longer line ends the list.
_TITLE_MAX = 90


def inline_spans(line: str) -> list[tuple[int, int, str]]:
    """[start, end, reason) spans of ``line`` that are furniture inside a paragraph."""
    spans: list[tuple[int, int, str]] = []
    lead = _DATELINE.match(line) or _BYLINE_LEAD.match(line)
    if lead and lead.end() < len(line):
        spans.append((0, lead.end(), "dateline"))
    tail = _BYLINE_TAIL.search(line)
    if tail and tail.start() > 0:
        spans.append((tail.start(), len(line), "byline"))
    if "제공" in line or "=" in line or ":" in line or "：" in line:
        spans += [(m.start(), m.end(), "credit") for m in _CREDIT.finditer(line)]
    if "<" in line or "[" in line:
        spans += [(m.start(), m.end(), "image") for m in _IMAGE_MARKUP.finditer(line)]
    return _disjoint(spans)


def line_reasons(lines: list[str]) -> list[str | None]:
    """Per line, why the whole line is furniture (or None); "" lines are blank."""
    reasons: list[str | None] = [_line_reason(text) if text else None for text in lines]
    # The page's header runs up to the article's first sentence.
    for i, text in enumerate(lines):
        if _CLAUSE_END.search(text):
            break
        if _SECTION_ITEM.match(text) or _SECTION_HEAD.match(text):
            reasons[i] = reasons[i] or "menu"
    _headline_runs(lines, reasons)
    i = 0
    while i < len(lines):
        if lines[i] and (_LIST_HEADING.match(lines[i]) or _LIST_LEAD.match(lines[i])):
            reasons[i] = "related"
            i = _list_end(lines, reasons, i + 1)
            continue
        i += 1
    return reasons


def _headline_runs(lines: list[str], reasons: list[str | None]) -> None:
    """Mark runs of story titles listed with dashes and no heading ("- 부산, 로봇 도시로 뛴다").

    An article's own dashed points are sentences ("- 시는 ... 계획임."); titles are short and
    end without a full stop. A list counts only above the article's first sentence or below
    its last: dashed points between its sentences ("- 투자 규모: 300억 원") are the article's.
    """
    said = [i for i, text in enumerate(lines) if not reasons[i] and _CLAUSE_END.search(text)]
    first, last = (said[0], said[-1]) if said else (len(lines), -1)
    run: list[int] = []
    for i in [*range(len(lines)), len(lines)]:
        text = lines[i] if i < len(lines) else ""
        if text and reasons[i]:
            continue
        if _headline(text):
            run.append(i)
            continue
        if len(run) >= _HEADLINE_RUN and (run[-1] < first or run[0] > last):
            for j in run:
                reasons[j] = "related"
        run = []


def _headline(text: str) -> bool:
    if len(text) > _TITLE_MAX or not _HEADLINE_ITEM.match(text):
        return False
    return not _CLAUSE_END.search(text) and not text.endswith(".")


def _line_reason(text: str) -> str | None:
    bullet = _LEAD_BULLET.match(text)
    if bullet and bullet.end() < len(text):
        text = text[bullet.end() :]
    if _BYLINE_LINE.match(text):
        return "byline"
    if len(text) <= _EMAIL_LINE_MAX and _EMAIL_LINE.search(text) and not _CLAUSE_END.search(text):
        return "byline"
    if _IMAGE_LINE.match(text) or _IMAGE_MARKUP.fullmatch(text.strip()):
        return "image"
    if _CAPTION_LINE.match(text) or (_CAPTION_MARK.match(text) and _CREDIT.search(text)):
        return "caption"
    if _CREDIT_END.search(text) or (_POSITION.search(text) and _CREDIT.search(text)):
        return "caption"
    if _DATELINE_LINE.match(text):  # after the captions: "[사진=포항시청]" is a credit
        return "byline"
    if _counter(text):
        return "counter"
    if _WEATHER_LINE.match(text):
        return "weather"
    if _buttons(text):
        return "buttons"
    return None


def _buttons(text: str) -> bool:
    if len(text) > 80:
        return False
    words = [w for w in _BUTTON_SPLIT.split(text) if w]
    named = [w for w in words if w.lower() not in _BRAND_ONLY and len(w) >= 2]
    return bool(named) and all(_BUTTON.fullmatch(w) for w in words)


def _counter(text: str) -> bool:
    if len(text) > 80:
        return False
    words = [w for w in _COUNTER_SPLIT.split(text.lower()) if w]
    named = [w for w in words if w in _COUNTER_WORDS]
    return bool(named) and all(w in _COUNTER_WORDS or _COUNTER_NUMBER.fullmatch(w) for w in words)


def _list_end(lines: list[str], reasons: list[str | None], i: int) -> int:
    """Mark the story titles after a list heading; the index of the first line after them."""
    while i < len(lines):
        text = lines[i]
        if text and (len(text) > _TITLE_MAX or _SENTENCE_END.search(text)):
            break
        if text:
            reasons[i] = reasons[i] or "related"
        i += 1
    return i


def _disjoint(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept
