using System.Text;
using System.Text.Unicode;

namespace ArabicSearch.Ingestion;

/// <summary>One line of an input file, and whether its bytes were invalid UTF-8 (replaced with U+FFFD).</summary>
internal readonly record struct InputLine(string Text, bool InvalidUtf8);

/// <summary>
/// Splits a UTF-8 stream into lines on LF (a CR before it is dropped), decoding each line on its own so that
/// invalid UTF-8 is both replaced with U+FFFD and attributed to the line it is on. A leading byte order mark is skipped.
/// </summary>
internal static class Utf8Lines
{
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static IEnumerable<InputLine> Read(Stream stream)
    {
        var buffer = new byte[1 << 16];
        var pending = new MemoryStream();
        bool first = true;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            int start = 0;
            if (first)
            {
                first = false;
                if (read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF) start = 3;
            }
            while (start < read)
            {
                int nl = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                if (nl < 0)
                {
                    pending.Write(buffer, start, read - start);
                    break;
                }
                if (pending.Length == 0) yield return Decode(buffer.AsSpan(start, nl - start));
                else
                {
                    pending.Write(buffer, start, nl - start);
                    yield return Decode(pending.GetBuffer().AsSpan(0, (int)pending.Length));
                    pending.SetLength(0);
                }
                start = nl + 1;
            }
        }
        if (pending.Length > 0) yield return Decode(pending.GetBuffer().AsSpan(0, (int)pending.Length));
    }

    private static InputLine Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
        return new InputLine(Lenient.GetString(bytes), !Utf8.IsValid(bytes));
    }
}
