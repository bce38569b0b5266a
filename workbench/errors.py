"""Errors meant for the user: one clear line, never a traceback."""


class UserError(Exception):
    """A mistake the user can fix; the message says what is wrong and what to do."""


def shown(name: object) -> str:
    """A file name fit for a one-line message: control characters escaped, undecodable bytes as ``\\xNN``."""
    import os

    text = os.fsdecode(name) if isinstance(name, (bytes, os.PathLike)) else str(name)
    out = []
    for ch in text:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch == "\\":
            out.append("\\\\")
        elif not ch.isprintable() and ch != " ":
            out.append(repr(ch)[1:-1] if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)
