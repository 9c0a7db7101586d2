"""Which numbers the comparison counts."""


def significant(value: str) -> bool:
    """Numbers below ten are often spelled out in one language and digits in another
    ("two" / `2つ`): like translation QA tools, compare only the others, by magnitude (`-5%`
    is below ten too)."""
    magnitude = value.lstrip("-").rstrip("%")
    return "." in magnitude or int(magnitude) >= 10
