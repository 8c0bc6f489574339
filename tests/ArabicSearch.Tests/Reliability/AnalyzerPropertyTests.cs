using System.Globalization;
using System.Text;
using ArabicSearch.Analysis;
using static ArabicSearch.Tests.Analysis.AnalyzerAssert;

namespace ArabicSearch.Tests.Reliability;

/// <summary>
/// Properties of the analysis chain over generated text, one generator per kind of hostile input. Each case runs
/// a few hundred strings; a failure names the seed and the input (escaped) so it can be replayed.
/// </summary>
public class AnalyzerPropertyTests
{
    private const int Runs = 300;
    private static readonly ArabicSearchAnalyzer Exact = new(ArabicView.Exact);
    private static readonly ArabicSearchAnalyzer Stemmed = new(ArabicView.Stemmed);

    public enum Kind { ArabicWithHarakat, MixedScripts, Surrogates, ControlCharacters, LongTokens, Everything }

    [TestCaseSource(nameof(Kinds))]
    public void Analysis_never_throws_and_offsets_stay_inside_and_never_decrease(Kind kind) => ForAll(kind, text =>
    {
        foreach (var analyzer in new[] { Exact, Stemmed })
        {
            int lastStart = 0;
            foreach (var t in Tokens(analyzer, text))
            {
                if (t.Start < lastStart) return $"{analyzer.View}: start offset went back from {lastStart} to {t.Start} at \"{t.Term}\"";
                if (t.Start < 0 || t.End > text.Length || t.End <= t.Start) return $"{analyzer.View}: offsets [{t.Start}, {t.End}) outside [0, {text.Length}] at \"{t.Term}\"";
                if (t.PositionIncrement < 0) return $"{analyzer.View}: negative position increment at \"{t.Term}\"";
                lastStart = t.Start;
            }
        }
        return null;
    });

    [TestCaseSource(nameof(Kinds))]
    public void Neither_view_yields_an_empty_token(Kind kind) => ForAll(kind, text =>
        Tokens(Stemmed, text).Concat(Tokens(Exact, text)).Any(t => t.Term.Length == 0) ? "an empty token" : null);

    [TestCaseSource(nameof(Kinds))]
    public void Normalization_is_idempotent(Kind kind) => ForAll(kind, text =>
    {
        string once = ArabicNormalizer.Normalize(text);
        string twice = ArabicNormalizer.Normalize(once);
        return once == twice ? null : $"normalizing twice changes \"{Escape(once)}\" to \"{Escape(twice)}\"";
    });

    [TestCaseSource(nameof(Kinds))]
    public void Exact_view_is_a_fixed_point_on_its_own_tokens(Kind kind) => ForAll(kind, text =>
    {
        foreach (var t in Tokens(Exact, text))
        {
            var again = Tokens(Exact, t.Term).Select(x => x.Term).ToList();
            if (again.Count != 1 || again[0] != t.Term) return $"token \"{Escape(t.Term)}\" analyzes again to [{string.Join(", ", again.Select(Escape))}]";
        }
        return null;
    });

    [TestCaseSource(nameof(Kinds))]
    public void Analysis_is_deterministic_across_reuse(Kind kind)
    {
        // The analyzers reuse their token streams; analyzing other text in between must not leak state.
        var other = Generate(Kind.Everything, new Random(99));
        ForAll(kind, text =>
        {
            var first = Tokens(Stemmed, text);
            Tokens(Stemmed, other);
            var second = Tokens(Stemmed, text);
            return first.SequenceEqual(second) ? null : "a second analysis of the same text differs";
        });
    }

    [TestCaseSource(nameof(Kinds))]
    public void Generator_makes_text_with_tokens_so_the_properties_are_not_vacuous(Kind kind)
    {
        var random = new Random((int)kind * 1_000 + 17);
        int tokens = Enumerable.Range(0, Runs).Sum(_ => Tokens(Stemmed, Generate(kind, random)).Count);
        Assert.That(tokens, Is.GreaterThan(Runs));
    }

    private static Kind[] Kinds() => Enum.GetValues<Kind>();

    /// <summary>Checks <paramref name="property"/> (null: holds; else why not) on <see cref="Runs"/> generated strings.</summary>
    private static void ForAll(Kind kind, Func<string, string?> property)
    {
        int seed = (int)kind * 1_000 + 17;
        var random = new Random(seed);
        for (int run = 0; run < Runs; run++)
        {
            string text = Generate(kind, random);
            string? failure;
            try
            {
                failure = property(text);
            }
#pragma warning disable CA1031 // a throw is a failing case like any other: report it with its input
            catch (Exception e)
            {
                failure = $"threw {e.GetType().Name}: {e.Message}";
            }
#pragma warning restore CA1031
            if (failure is not null)
                Assert.Fail($"{kind}, seed {seed}, run {run}: {failure}\ninput ({text.Length} chars): \"{Escape(text)}\"");
        }
    }

    private const string ArabicLetters = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي";
    private const string Harakat = "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670\u0640"; // tanween, short vowels, shadda, sukun, superscript alef, tatweel
    private const string Prefixes = "والبلكف";
    private static readonly string[] Scripts = ["abcxyzABCXYZ", "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲", "абвгдеж", "αβγδε", "אבגדה", "中文字", "ÀéîõüçÑ", "ﺑﻐﺪاد ﻻ ﷲ ﷺ", "ابجد", "کگیۀ"];
    private const string Punctuation = " .,;:!?؟،؛«»()[]\"'-_/\\@#%&*+=<>|~^`";

    internal static string Generate(Kind kind, Random random)
    {
        var s = new StringBuilder();
        int length = random.Next(0, 300);
        while (s.Length < length)
        {
            switch (kind == Kind.Everything ? (Kind)random.Next((int)Kind.Everything) : kind)
            {
                case Kind.ArabicWithHarakat:
                    if (random.Next(3) == 0) s.Append(Prefixes[random.Next(Prefixes.Length)]);
                    for (int i = random.Next(1, 10); i > 0; i--)
                    {
                        s.Append(ArabicLetters[random.Next(ArabicLetters.Length)]);
                        while (random.Next(3) == 0) s.Append(Harakat[random.Next(Harakat.Length)]);
                    }
                    s.Append(random.Next(6) == 0 ? Punctuation[random.Next(Punctuation.Length)] : ' ');
                    break;
                case Kind.MixedScripts:
                    var script = Scripts[random.Next(Scripts.Length)];
                    for (int i = random.Next(1, 8); i > 0; i--) s.Append(script[random.Next(script.Length)]);
                    if (random.Next(2) == 0) s.Append(ArabicLetters[random.Next(ArabicLetters.Length)]); // scripts glued together
                    if (random.Next(3) > 0) s.Append(Punctuation[random.Next(Punctuation.Length)]);
                    break;
                case Kind.Surrogates:
                    switch (random.Next(4))
                    {
                        case 0: s.Append(char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF))); break;                      // emoji, a valid pair
                        case 1: s.Append((char)random.Next(0xD800, 0xDC00)); break;                                         // lone high surrogate
                        case 2: s.Append((char)random.Next(0xDC00, 0xE000)); break;                                         // lone low surrogate
                        default: s.Append(ArabicLetters[random.Next(ArabicLetters.Length)]).Append(char.ConvertFromUtf32(random.Next(0x10000, 0x10FFFF))); break;
                    }
                    break;
                case Kind.ControlCharacters:
                    s.Append(random.Next(4) switch
                    {
                        0 => (char)random.Next(0, 0x20),                                          // C0 controls, NUL included
                        1 => "\u007F\u0085\u00AD\u061C\u200B\u200C\u200D\u200E\u200F\u202A\u202E\u2028\u2029\u2066\u2069\uFEFF\uFFFE\uFFFF"[random.Next(18)],
                        _ => ArabicLetters[random.Next(ArabicLetters.Length)],
                    });
                    break;
                case Kind.LongTokens:
                    var alphabet = random.Next(2) == 0 ? ArabicLetters : "abcdefghij";
                    for (int i = random.Next(200, 3_000); i > 0; i--) s.Append(alphabet[random.Next(alphabet.Length)]);
                    s.Append(' ');
                    length = Math.Max(length, s.Length);
                    break;
            }
        }
        return s.ToString();
    }

    private static string Escape(string text)
    {
        var s = new StringBuilder();
        foreach (char c in text.Length > 400 ? text[..400] + "…" : text)
            s.Append(c < 0x20 || char.IsSurrogate(c) || c is >= '\u007F' and <= '\u009F' || c >= '\uFFF0' || c is >= '\u200B' and <= '\u206F'
                ? $"\\u{(int)c:X4}" : c.ToString(CultureInfo.InvariantCulture));
        return s.ToString();
    }
}
