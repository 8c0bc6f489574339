using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ArabicSearch.Ingestion;

/// <summary>Reads JSON string values, including those System.Text.Json refuses: escaped lone surrogates.</summary>
internal static class JsonStrings
{
    /// <summary>
    /// The string value of <paramref name="value"/>. Returns false when it held an escaped lone surrogate
    /// (<c>"\ud800"</c>), which <paramref name="text"/> then carries as U+FFFD.
    /// </summary>
    public static bool TryGet(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString() ?? "";
            return true;
        }
        catch (InvalidOperationException)
        {
            // GetString throws on escaped lone surrogates; unescape the raw text ourselves and replace them.
            text = TextSanitizer.ReplaceLoneSurrogates(Unescape(value.GetRawText()));
            return false;
        }
    }

    /// <summary>Unescapes a quoted JSON string literal the parser has already validated.</summary>
    internal static string Unescape(string quoted)
    {
        var s = quoted.AsSpan(1, quoted.Length - 2);
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c != '\\' || i + 1 >= s.Length) { sb.Append(c); continue; }
            char e = s[++i];
            switch (e)
            {
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u' when i + 4 < s.Length
                    && ushort.TryParse(s.Slice(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    sb.Append((char)code);
                    i += 4;
                    break;
                default: sb.Append(e); break; // \" \\ \/
            }
        }
        return sb.ToString();
    }
}
