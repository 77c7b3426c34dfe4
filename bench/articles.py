"""Synthetic Korean press articles (our own templates) for the extractor benchmark.

Each article is about 2,000 characters: a headline, then paragraphs built from sentence
templates filled with real region, industry, designation and organisation names from
``data/``, amounts in Korean wording and dates, so the extractor finds what it looks for.

    python -m bench.articles --count 50 --out DIR [--seed 3]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

import yaml

from bench.generate import ROOT, _short, won_text

LENGTH = 2000

_SENTENCES = (
    "{region}는 {year}년 {industry} 산업을 지역의 미래 먹거리로 정하고 "
    "집중 육성에 나선다고 {month}일 밝혔다.",
    "{region}는 총사업비 {money}을 들여 {industry} 실증 기반을 구축할 계획이다.",
    "이번 사업에는 국비 {money2}이 투입되며 {org}이 주관기관으로 참여한다.",
    "{region}는 {designation} 지정을 목표로 {year2}년까지 관련 절차를 준비하고 있다.",
    "{company}는 {region}에 {money2}을 투자해 {industry} 생산시설을 짓기로 했다.",
    "{region}와 {region2}는 {industry} 분야 초광역 협력을 위한 업무협약을 맺었다.",
    "시는 {industry} 기업 지원센터를 조성하고 전문 인력 {count}명을 양성할 방침이다.",
    '도 관계자는 "{industry} 생태계를 키워 지역 경제의 새 성장동력으로 삼겠다"고 말했다.',
    "{region}는 지난해 {designation}으로 지정돼 기업 유치에 속도를 내고 있다.",
    "{org}과 {company}는 {industry} 공동 연구개발에 힘을 모으기로 했다.",
    "{year}년 {month}월에는 {industry} 박람회가 {region}에서 열린다.",
    "사업 기간은 {year}년부터 {year2}년까지이며 {count}개 기업이 입주할 예정이다.",
)
_COMPANIES = ("한빛테크", "새롬소재", "미르에너지", "누리모빌리티", "가람로보틱스", "다온바이오")


def _load(name: str) -> Any:
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


class Articles:
    def __init__(self, seed: int = 3) -> None:
        self.seed = seed
        regions = _load("regions.yaml")["regions"]
        self.regions = [_short(r["name_ko"]) for r in regions if r.get("parent")]
        self.industries = [i["name_ko"] for i in _load("industries.yaml")["industries"]]
        self.designations = [d["name_ko"] for d in _load("designations.yaml")["designations"]]
        self.orgs = [o["name_ko"] for o in _load("organizations.yaml")["organizations"]]

    def article(self, n: int) -> str:
        rng = random.Random(self.seed * 100_003 + n)
        region = rng.choice(self.regions)
        industry = rng.choice(self.industries)
        year = rng.randint(2019, 2026)
        lines = [f"{region}, {industry} 산업 육성 본격화 ({n + 1})", ""]
        paragraph: list[str] = []
        size = sum(len(line) for line in lines)
        while size < LENGTH:
            values = {
                "region": region,
                "region2": rng.choice(self.regions),
                "industry": industry if rng.random() < 0.6 else rng.choice(self.industries),
                "designation": rng.choice(self.designations),
                "org": rng.choice(self.orgs),
                "company": rng.choice(_COMPANIES),
                "money": won_text(rng.choice((30, 120, 305, 1050, 5000, 10500)) * 10**8),
                "money2": won_text(rng.choice((10, 50, 150, 800)) * 10**8),
                "year": year,
                "year2": year + rng.randint(1, 5),
                "month": rng.randint(1, 12),
                "count": rng.choice((20, 50, 100, 300)),
            }
            sentence = rng.choice(_SENTENCES).format(**values)
            paragraph.append(sentence)
            size += len(sentence) + 1
            if len(paragraph) == 4:
                lines.append(" ".join(paragraph))
                paragraph = []
        if paragraph:
            lines.append(" ".join(paragraph))
        return "\n".join(lines)[:LENGTH]

    def write(self, out: Path, count: int) -> list[Path]:
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for n in range(count):
            path = out / f"article-{n + 1:05d}.txt"
            path.write_text(self.article(n), encoding="utf-8")
            paths.append(path)
        return paths


def main() -> None:
    parser = argparse.ArgumentParser(description="synthetic Korean articles")
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    paths = Articles(args.seed).write(args.out, args.count)
    print(f"{len(paths)} articles in {args.out}")


if __name__ == "__main__":
    main()
