#!/usr/bin/env python3
"""Fill the Swedish and English .po files from the translation tables in locale_additions/.

Each helper writes the strings they add to `locale_additions/<area>.tsv` (msgid, sv, en;
tab-separated; `\\n` and `\\t` escaped). After `hankesalkku makemessages -l sv -l en` this script
puts those translations into the .po files, so a rerun of makemessages never loses work.
Plural entries take their forms separated by ` ||| ` (singular ||| plural).

    python scripts/merge_locale_additions.py            # fill empty msgstr
    python scripts/merge_locale_additions.py --force    # also replace existing ones
    python scripts/merge_locale_additions.py --check    # exit 1 if any msgstr stays empty
    python scripts/merge_locale_additions.py --compile  # then run compilemessages
"""

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ADDITIONS = ROOT / "locale_additions"
LOCALE = ROOT / "src" / "hankesalkku" / "locale"
LANGUAGES = ("sv", "en")
PLURAL_SEPARATOR = " ||| "


def _unescape(text: str) -> str:
    return text.replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\")


def read_tables(folder: Path = ADDITIONS) -> dict[str, dict[str, str]]:
    """{language: {msgid: translation}}; later files win, so corrections can be appended."""
    table: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for path in sorted(folder.glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if number == 1 and cells[0].strip().lower() == "msgid":
                continue
            if len(cells) < 3:
                print(f"{path.name}:{number}: expected msgid, sv, en", file=sys.stderr)
                continue
            msgid = _unescape(cells[0])
            for lang, value in zip(LANGUAGES, cells[1:3], strict=True):
                if value.strip():
                    table[lang][msgid] = _unescape(value)
    return table


def _po_unquote(fragment: str) -> str:
    body = fragment.strip()[1:-1]
    out, i = [], 0
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    while i < len(body):
        if body[i] == "\\" and i + 1 < len(body):
            out.append(escapes.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def _po_quote(text: str) -> list[str]:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = escaped.split("\n")
    parts = [line + "\\n" for line in lines[:-1]] + [lines[-1]]
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return [f'"{parts[0] if parts else ""}"']
    return ['""'] + [f'"{p}"' for p in parts]


class Entry:
    def __init__(self):
        self.comments: list[str] = []
        self.fields: dict[str, str] = {}
        self.order: list[str] = []

    @property
    def msgid(self) -> str:
        return self.fields.get("msgid", "")

    def render(self) -> list[str]:
        lines = list(self.comments)
        for key in self.order:
            quoted = _po_quote(self.fields[key])
            lines.append(f"{key} {quoted[0]}")
            lines.extend(quoted[1:])
        return lines


def parse_po(text: str) -> list[Entry]:
    entries: list[Entry] = []
    entry, key = Entry(), None
    for line in text.splitlines():
        if not line.strip():
            if entry.order or entry.comments:
                entries.append(entry)
            entry, key = Entry(), None
        elif line.startswith("#"):
            entry.comments.append(line)
        elif line.startswith('"'):
            entry.fields[key] += _po_unquote(line)
        else:
            key, _sep, rest = line.partition(" ")
            entry.fields[key] = _po_unquote(rest)
            entry.order.append(key)
    if entry.order or entry.comments:
        entries.append(entry)
    return entries


def fill(
    entries: list[Entry], translations: dict[str, str], force: bool, language: str = ""
) -> tuple[int, list[str]]:
    filled, missing = 0, []
    for entry in entries:
        if not entry.msgid:
            if language and "msgstr" in entry.fields:
                entry.fields["msgstr"] = entry.fields["msgstr"].replace(
                    "Language: \n", f"Language: {language}\n"
                )
                entry.comments = [c for c in entry.comments if "fuzzy" not in c]
            continue  # the header
        plural = "msgid_plural" in entry.fields
        keys = [k for k in entry.order if k.startswith("msgstr")]
        empty = all(not entry.fields[k] for k in keys)
        fuzzy = any(c.startswith("#,") and "fuzzy" in c for c in entry.comments)
        value = translations.get(entry.msgid)
        if value and (empty or fuzzy or force):
            forms = value.split(PLURAL_SEPARATOR) if plural else [value]
            for index, k in enumerate(keys):
                entry.fields[k] = forms[min(index, len(forms) - 1)]
            # A msgstr taken from a table is a real translation: drop the fuzzy flag and the
            # `#| msgid` lines (the old msgid makemessages guessed it from).
            entry.comments = [_drop_fuzzy(c) for c in entry.comments if not c.startswith("#|")]
            entry.comments = [c for c in entry.comments if c.strip() != "#,"]
            filled += 1
        elif empty or fuzzy:
            missing.append(entry.msgid)
    return filled, missing


def _drop_fuzzy(comment: str) -> str:
    if not comment.startswith("#,"):
        return comment
    flags = [f.strip() for f in comment[2:].split(",") if f.strip() and f.strip() != "fuzzy"]
    return "#, " + ", ".join(flags) if flags else "#,"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--compile", action="store_true")
    args = parser.parse_args(argv)
    tables = read_tables()
    all_missing = 0
    for lang in LANGUAGES:
        path = LOCALE / lang / "LC_MESSAGES" / "django.po"
        if not path.exists():
            print(f"{path} missing: run `hankesalkku makemessages -l sv -l en` first")
            return 1
        entries = parse_po(path.read_text(encoding="utf-8"))
        filled, missing = fill(entries, tables[lang], args.force, lang)
        path.write_text("\n\n".join("\n".join(e.render()) for e in entries) + "\n", "utf-8")
        print(f"{lang}: filled {filled}, still empty {len(missing)}")
        for msgid in missing[:50]:
            print(f"  {msgid!r}")
        all_missing += len(missing)
    if args.compile:
        subprocess.run(
            [sys.executable, "-m", "django", "compilemessages"],
            cwd=LOCALE.parent,
            check=True,
            env={"DJANGO_SETTINGS_MODULE": "hankesalkku.settings", **_env()},
        )
    return 1 if args.check and all_missing else 0


def _env() -> dict:
    import os

    return dict(os.environ)


if __name__ == "__main__":
    sys.exit(main())
