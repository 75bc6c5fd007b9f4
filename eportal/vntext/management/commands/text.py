"""`eportal text convert` and `eportal text check`: legacy Vietnamese text files."""

import codecs
import sys
import unicodedata

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from eportal.vntext import detect_encoding, to_unicode


def decode_bytes(data: bytes) -> tuple[str, bool]:
    """Return the text of a file's bytes and whether they were UTF-8 (or UTF-16).

    Bytes that are not UTF-8 are an 8-bit legacy file: read them as
    Windows-1252, the way TCVN3 and VNI text reaches us when pasted.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), True
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), True
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), False
    except UnicodeDecodeError:
        # Five bytes are undefined in Windows-1252; Latin-1 takes them all.
        return data.decode("latin-1"), False


class Command(BaseCommand):
    help = gettext_lazy(
        "Chuyển văn bản mã TCVN3 (ABC), VNI, VIQR sang Unicode NFC, hoặc kiểm tra bảng mã "
        "của tệp. Convert legacy Vietnamese text to NFC Unicode, or check files' encodings."
    )
    # Tests pass a byte stream here instead of the process's standard input.
    stealth_options = ("stdin",)
    # A text utility: it needs no database and runs even if the project has check errors.
    requires_system_checks = []

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        convert = actions.add_parser(
            "convert",
            help=gettext_lazy("Đọc văn bản từ stdin, ghi Unicode NFC (UTF-8) ra stdout."),
        )
        convert.add_argument(
            "--from",
            dest="encoding",
            choices=["tcvn3", "vni", "viqr", "unicode"],
            help=gettext_lazy("Bảng mã của văn bản vào; không ghi thì tự nhận biết."),
        )
        check = actions.add_parser(
            "check",
            help=gettext_lazy(
                "Cho biết bảng mã của từng tệp; mã thoát 1 nếu có tệp chưa phải Unicode."
            ),
        )
        check.add_argument("files", nargs="+", metavar="FILE")

    def handle(self, *args, **options):
        if options["action"] == "convert":
            self.convert_stream(options.get("stdin") or sys.stdin, options["encoding"])
        else:
            self.check_files(options["files"])

    def convert_stream(self, stream, encoding):
        data = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
        text = data if isinstance(data, str) else decode_bytes(data)[0]
        self.write_utf8(to_unicode(text, encoding) or "")

    def write_utf8(self, text: str) -> None:
        # Write bytes where we can, so the output is UTF-8 whatever the locale.
        out = self.stdout._out
        if hasattr(out, "buffer"):
            out.flush()
            out.buffer.write(text.encode("utf-8"))
            out.buffer.flush()
        else:
            out.write(text)

    def check_files(self, paths):
        failed = 0
        for path in paths:
            try:
                with open(path, "rb") as file:
                    data = file.read()
            except OSError as error:
                failed += 1
                reason = error.strerror or str(error)
                self.stderr.write(
                    _("%(path)s: không đọc được tệp (%(reason)s) — cannot read the file.")
                    % {"path": path, "reason": reason}
                )
                continue
            text, was_unicode = decode_bytes(data)
            encoding = detect_encoding(text)
            if encoding == "unicode" and was_unicode:
                if unicodedata.is_normalized("NFC", text):
                    self.stdout.write(_("%(path)s: unicode OK") % {"path": path})
                    continue
                message = _("%(path)s: unicode tổ hợp (NFD), cần chuẩn hoá NFC")
            elif encoding == "unicode":
                message = _("%(path)s: 8-bit, không phải UTF-8 (not Unicode)")
            else:
                message = _("%(path)s: %(encoding)s — chưa phải Unicode (not Unicode)")
            failed += 1
            option = f" --from {encoding}" if encoding != "unicode" else ""
            self.stdout.write(
                message % {"path": path, "encoding": encoding}
                + f" → eportal text convert{option} < {path} > …"
            )
        if failed:
            raise CommandError(
                _("%(count)d/%(total)d tệp chưa phải Unicode NFC hoặc không đọc được.")
                % {"count": failed, "total": len(paths)},
                returncode=1,
            )
