"""Pure rendering: Arabic shaped and ordered line by line with styles kept; latinised offsets; highlights."""

from __future__ import annotations

from rich.text import Text

from workbench.tui.render import arabic
from workbench.tui.render.latin import latinise
from workbench.tui.render.sentence import FOCUS, LOOKS, highlight


def test_rtl_line_is_reversed_with_numbers_and_latin_kept_left_to_right():
    order = arabic.visual_order("قال 11 Hasakah")
    visual = "".join(ch for _, ch in order)
    assert visual == "Hasakah 11 لاق"


def test_shaping_keeps_one_character_per_letter():
    text = "مصطفى الكاظمي لا «داعش»\u200d"
    shaped = arabic.shape(text)
    assert len(shaped) == len(text)
    assert shaped != text  # presentation forms


def test_styles_follow_the_letters_after_reordering():
    text = Text("زار الكاظمي الحسكة")
    text.stylize("bold red", 4, 11)  # الكاظمي
    (line,) = arabic.rtl_lines(text, 40)
    plain = line.plain.strip()
    styled = "".join(line.plain[span.start:span.end] for span in line.spans if span.style == "bold red")
    assert len(styled) == 7
    # the name sits in the middle of the visual line: right of الحسكة, left of زار
    assert plain.index(styled) > 0 and plain.endswith(arabic.display_line("زار"))


def test_rtl_lines_wrap_logically_and_align_right():
    text = Text("قال مسؤول أمني إن القوات تمكنت من صد المهاجمين بعد اشتباكات")
    lines = arabic.rtl_lines(text, 20)
    assert len(lines) > 1
    assert all(line.cell_len == 20 for line in lines)
    # the first line holds the beginning of the sentence, shown at its right end
    assert lines[0].plain.rstrip().endswith(arabic.display_line("قال"))


def test_terminal_mode_passes_logical_order_through():
    text = Text("قال مسؤول")
    (line,) = arabic.rtl_lines(text, 40, arabic.TERMINAL)
    assert line.plain == "قال مسؤول"


def test_wrap_offsets_cut_long_words():
    assert arabic.wrap_offsets("abc defgh", 4) == [(0, 3), (4, 8), (8, 9)]


def test_fit_cuts_in_logical_order():
    assert arabic.fit("مصطفى الكاظمي", 7) == "مصطفى…"


def test_latinise_maps_mention_offsets():
    text = "زار والكاظمي بغداد"
    start = text.index("الكاظمي")
    latin, where = latinise(text, [start, start + 7])
    assert latin[where[start]:where[start + 7]].startswith("al")
    assert latin.isascii()


def test_highlight_marks_focus_and_ignores_bad_spans():
    out = highlight("ISIS attacked Diyala", [(0, 4, "confirmed"), (14, 20, "unknown"), (30, 40, "suggested")],
                    focus=1)
    styles = [(s.start, s.end, s.style) for s in out.spans]
    assert styles[0] == (0, 4, LOOKS["confirmed"])
    assert styles[1] == (14, 20, LOOKS["unknown"] + FOCUS)
    assert len(styles) == 2


def test_arabic_inside_a_latin_line_is_ordered_too():
    line = arabic.display_line('ar variant "الحسكة" starts')
    assert line.startswith('ar variant "') and line.endswith('" starts')
    assert line[12:-8] == arabic.display_line("الحسكة")
