"""The colour sets: distinguishable series, a heat ramp, and a plain set without any colour."""

from __future__ import annotations

from dataclasses import fields

from rich.style import Style

from oppija.plot import PlotStyles


def test_default_styles_parse_and_differ_where_it_matters() -> None:
    for dark in (True, False):
        styles = PlotStyles.default(dark=dark)
        for field in fields(styles):
            value = getattr(styles, field.name)
            for text in value if isinstance(value, tuple) else (value,):
                Style.parse(text)  # raises on a typo
        assert len(set(styles.series)) >= 4
        assert len(set(styles.heat)) >= 6
        assert all(Style.parse(h).bgcolor is not None for h in styles.heat)
        assert styles.positive != styles.negative
        assert not styles.is_plain


def test_heat_ramps_grow_lighter() -> None:
    for dark in (True, False):
        heat = PlotStyles.default(dark=dark).heat
        lightness = [sum(Style.parse(h).bgcolor.get_truecolor()) for h in heat]  # type: ignore[union-attr]
        assert lightness == sorted(lightness)


def test_plain_styles_are_empty_and_keep_tuple_lengths() -> None:
    plain, default = PlotStyles.plain(), PlotStyles.default()
    for field in fields(plain):
        value = getattr(plain, field.name)
        if isinstance(value, tuple):
            assert value == ("",) * len(getattr(default, field.name))
        else:
            assert value == ""
    assert plain.is_plain
