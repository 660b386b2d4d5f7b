using CsCheck;
using Ramp.Schedules.Text;
using Ramp.Schedules.Text.Native;

namespace Ramp.Schedules.Tests.Native;

public class ParserFuzzTests
{
    private static bool OnlySpecExceptions(string text)
    {
        try
        {
            NativeText.ParseSpec(text);
            return true;
        }
        catch (SpecException)
        {
            return true;
        }
    }

    private static readonly Gen<string> Alphabet = Gen.Char["()[]=,*>.-+eE0123456789 abcdefghijklmnopqrstuvwxyz_\t\u00e9"].Array[0, 60]
        .Select(chars => new string(chars));

    [Fact]
    public void Random_text_only_ever_throws_spec_exceptions() =>
        Gen.OneOf(Alphabet, Gen.String).Sample(OnlySpecExceptions, iter: 20_000);

    [Fact]
    public void Mutated_valid_text_only_ever_throws_spec_exceptions() =>
        Gen.Select(ScheduleGens.Nested(2), Gen.Int[0, 1000], Gen.Int[0, 3], Gen.Char["()[]=,*>0-9e.x_ "])
            .Sample((schedule, at, how, c) =>
            {
                var text = schedule.ToString()!;
                var i = at % (text.Length + 1);
                var mutated = how switch
                {
                    0 => text[..i] + text[Math.Min(text.Length, i + 1)..],
                    1 => text[..i] + c + text[i..],
                    2 => text[..i],
                    _ => text[..i] + (i < text.Length ? c.ToString() : "") + text[Math.Min(text.Length, i + 1)..],
                };
                return OnlySpecExceptions(mutated);
            }, iter: 20_000);

    [Fact]
    public void Deep_nesting_is_a_spec_exception_not_a_crash()
    {
        var text = new string('(', 10_000) + "constant()" + new string(')', 10_000);
        var e = Assert.Throws<SpecException>(() => NativeText.ParseSchedule(text));
        Assert.Contains("nesting deeper than", e.Message);
    }
}
