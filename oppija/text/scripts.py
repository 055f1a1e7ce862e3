"""Numbers and indices written small: θ₀, ₁₂, 10⁻¹¹, x² — the one place these tables live."""

from __future__ import annotations

# Plain character -> its subscript / superscript twin (Unicode has no subscript for every letter).
SUBSCRIPT_OF: dict[str, str] = {
    **{str(digit): chr(0x2080 + digit) for digit in range(10)},  # ₀ … ₉
    "+": "₊",
    "-": "₋",
    "−": "₋",
    "(": "₍",
    ")": "₎",
    "a": "ₐ",
    "e": "ₑ",
    "h": "ₕ",
    "i": "ᵢ",
    "j": "ⱼ",
    "k": "ₖ",
    "l": "ₗ",
    "m": "ₘ",
    "n": "ₙ",
    "o": "ₒ",
    "p": "ₚ",
    "r": "ᵣ",
    "s": "ₛ",
    "t": "ₜ",
    "u": "ᵤ",
    "v": "ᵥ",
    "x": "ₓ",
}
SUPERSCRIPT_OF: dict[str, str] = {
    **dict(zip("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹", strict=True)),
    "+": "⁺",
    "-": "⁻",
    "−": "⁻",
    "(": "⁽",
    ")": "⁾",
    "T": "ᵀ",
    "a": "ᵃ",
    "b": "ᵇ",
    "d": "ᵈ",
    "e": "ᵉ",
    "f": "ᶠ",
    "i": "ⁱ",
    "k": "ᵏ",
    "r": "ʳ",
    "t": "ᵗ",
    "x": "ˣ",
    "y": "ʸ",
}
_SUBSCRIPTS = str.maketrans(SUBSCRIPT_OF)
_SUPERSCRIPTS = str.maketrans(SUPERSCRIPT_OF)


def subscript(value: int | str) -> str:
    """A step, class or position written as a subscript: 3 -> ₃, 12 -> ₁₂, "t-1" -> ₜ₋₁."""
    return str(value).translate(_SUBSCRIPTS)


def superscript(value: int | str) -> str:
    """An exponent or a layer mark written as a superscript: -11 -> ⁻¹¹, "(ref)" -> ⁽ʳᵉᶠ⁾."""
    return str(value).translate(_SUPERSCRIPTS)
