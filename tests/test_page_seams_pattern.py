"""The case-seam pattern finds a seam from the character after it: the same places as the plain look-around
definition (a small letter before a capital or digit, a capital before a capitalised word, a closing bracket
before one)."""

from __future__ import annotations

import random
import re

from extractors.page.seams import _LOWER, _UPPER, CASE_SEAM

PLAIN_DEFINITION = re.compile(
    rf"(?<=[{_LOWER}])(?=[{_UPPER}\d])|(?<=[{_UPPER}])(?=[{_UPPER}][{_LOWER}])|(?<=[)\]])(?=[{_UPPER}][{_LOWER}])"
)


def test_case_seams_are_where_the_plain_definition_puts_them() -> None:
    line = "Ảnh: PHẠM KIM NGÂNThông qua (VN)Anh Vũ, cuối năm9 tỉnh, Đại tá Lê Mạnh TuấnDự lễ"
    assert [m.start() for m in CASE_SEAM.finditer(line)] == [m.start() for m in PLAIN_DEFINITION.finditer(line)]
    generator = random.Random(5)
    alphabet = list("aăđCĐÂỆệ9 )].-\n")
    for _ in range(3000):
        text = "".join(generator.choice(alphabet) for _ in range(generator.randrange(14)))
        assert [m.start() for m in CASE_SEAM.finditer(text)] == [m.start() for m in PLAIN_DEFINITION.finditer(text)]
