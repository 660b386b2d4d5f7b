using Ramp.Schedules.Text;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Tests.Text.Python;

public class PythonCallParserTests
{
    [Theory]
    [InlineData("1_000", 1000, true)]
    [InlineData("0x10", 16, true)]
    [InlineData("0X1_F", 31, true)]
    [InlineData("0o7", 7, true)]
    [InlineData("0b101", 5, true)]
    [InlineData("0_0", 0, true)]
    [InlineData(".5", 0.5, false)]
    [InlineData("5.", 5, false)]
    [InlineData("1e-3", 1e-3, false)]
    [InlineData("1E+3", 1000, false)]
    [InlineData("1.5e2", 150, false)]
    [InlineData("1_0.2_5", 10.25, false)]
    [InlineData("-3", -3, true)]
    [InlineData("+2.5", 2.5, false)]
    [InlineData("- -4", 4, true)]
    [InlineData("1/3", 1.0 / 3.0, false)]
    [InlineData("2*0.5", 1, false)]
    [InlineData("10**-3", 0.001, false)]
    [InlineData("2**10", 1024, true)]
    [InlineData("-2**2", -4, true)]
    [InlineData("(4+1)", 5, true)]
    [InlineData("7//2", 3, true)]
    [InlineData("-7%3", 2, true)]
    [InlineData("1 - 2 - 3", -4, true)]
    [InlineData("2 + 3 * 4", 14, true)]
    [InlineData("float('inf')", double.PositiveInfinity, false)]
    [InlineData("float(\"-inf\")", double.NegativeInfinity, false)]
    [InlineData("float('1e-4')", 1e-4, false)]
    [InlineData("int(3.7)", 3, true)]
    [InlineData("math.inf", double.PositiveInfinity, false)]
    [InlineData("-math.inf", double.NegativeInfinity, false)]
    [InlineData("math.pi", Math.PI, false)]
    [InlineData("np.pi / 2", Math.PI / 2, false)]
    [InlineData("  42  # the answer\n", 42, true)]
    public void Numbers(string text, double value, bool isInteger)
    {
        var number = Assert.IsType<PyNumber>(PythonCallParser.Parse(text));
        Assert.Equal(value, number.Value);
        Assert.Equal(isInteger, number.IsInteger);
    }

    [Theory]
    [InlineData("'abc'", "abc")]
    [InlineData("\"a'b\"", "a'b")]
    [InlineData("'a\\'b'", "a'b")]
    [InlineData("'a\\nb\\t\\\\'", "a\nb\t\\")]
    [InlineData("'\\x41\\u00e9\\101'", "AéA")]
    [InlineData("r'a\\nb'", "a\\nb")]
    [InlineData("'''tri'ple\n'''", "tri'ple\n")]
    [InlineData("\"\"\"x\"\"\"", "x")]
    [InlineData("'a' \"b\"", "ab")]
    [InlineData("'\\q'", "\\q")]
    public void Strings(string text, string value)
    {
        Assert.Equal(value, Assert.IsType<PyString>(PythonCallParser.Parse(text)).Value);
    }

    [Fact]
    public void CallWithEverything()
    {
        const string text = """
            torch.optim.lr_scheduler.SequentialLR(
                optimizer,  # the optimizer is a bare name
                schedulers=[LinearLR(opt, start_factor=0.01, total_iters=8,), CosineAnnealingLR(T_max=434)],
                milestones=(8,),
                extra={'a': True, "b": None, 3: [1, 2.5]},
            )
            """;
        var call = Assert.IsType<PyCall>(PythonCallParser.Parse(text));
        Assert.Equal("torch.optim.lr_scheduler.SequentialLR", call.Name);
        Assert.Equal("SequentialLR", call.ShortName);
        Assert.Equal("torch.optim.lr_scheduler", call.Module);
        Assert.Equal("optimizer", Assert.IsType<PyName>(Assert.Single(call.Args)).Name);
        Assert.Equal(["schedulers", "milestones", "extra"], call.Keywords.Select(k => k.Name));
        var schedulers = Assert.IsType<PyList>(call.Keywords[0].Value);
        var linear = Assert.IsType<PyCall>(schedulers.Items[0]);
        Assert.Equal("LinearLR", linear.Name);
        Assert.Equal(0.01, Assert.IsType<PyNumber>(linear.Keywords[0].Value).Value);
        Assert.Equal(8, Assert.IsType<PyNumber>(Assert.Single(Assert.IsType<PyList>(call.Keywords[1].Value).Items)).Value);
        var dict = Assert.IsType<PyDict>(call.Keywords[2].Value);
        Assert.Equal(3, dict.Entries.Count);
        Assert.True(Assert.IsType<PyBool>(dict.Entries[0].Value).Value);
        Assert.IsType<PyNone>(dict.Entries[1].Value);
        Assert.Equal(3, Assert.IsType<PyNumber>(dict.Entries[2].Key).Value);
    }

    [Fact]
    public void PositionsPointIntoTheText()
    {
        var call = Assert.IsType<PyCall>(PythonCallParser.Parse("  StepLR(opt, step_size=10)"));
        Assert.Equal(2, call.Position);
        Assert.Equal(9, call.Args[0].Position);
        Assert.Equal(14, call.Keywords[0].Position);
        Assert.Equal(24, call.Keywords[0].Value.Position);
    }

    [Fact]
    public void TuplesAndGrouping()
    {
        Assert.Empty(Assert.IsType<PyList>(PythonCallParser.Parse("()")).Items);
        Assert.Equal(2, Assert.IsType<PyList>(PythonCallParser.Parse("(1, 2)")).Items.Count);
        Assert.IsType<PyNumber>(PythonCallParser.Parse("((1))"));
        Assert.Equal("x", Assert.IsType<PyString>(Assert.IsType<PyDict>(PythonCallParser.Parse("dict(a='x')")).Entries[0].Value).Value);
    }

    [Theory]
    [InlineData("StepLR(opt, step_size=10", 6, "the '(' opened here is never closed: add ')'")]
    [InlineData("StepLR(step_size=10 gamma=0.5)", 20, "expected ',' or ')' but found 'gamma'")]
    [InlineData("StepLR(step_size=10, 5)", 21, "positional argument follows keyword argument")]
    [InlineData("[1, 2", 0, "the '[' opened here is never closed: add ']'")]
    [InlineData("{'a' 1}", 5, "expected ':' after a dict key but found the number 1")]
    [InlineData("1 2", 2, "expected the end of the text but found the number 2")]
    [InlineData("'abc", 0, "unterminated string")]
    [InlineData("f(x=$)", 4, "unexpected character '$'")]
    [InlineData("01", 0, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")]
    [InlineData("1__0", 0, "invalid number literal '1__0'")]
    [InlineData("0b2", 0, "invalid digit '2' in a base-2 literal")]
    [InlineData("1e", 0, "invalid number literal '1e'")]
    [InlineData("3j", 0, "complex numbers are not supported in a schedule spec")]
    [InlineData("1/0", 1, "division by zero in '/'")]
    [InlineData("'a' * 2", 4, "'*' needs numbers on both sides but found a string")]
    [InlineData("-optimizer", 0, "unary '-' needs a number but found the name 'optimizer'")]
    [InlineData("f(*args)", 2, "*args and **kwargs are not supported: write the arguments out")]
    [InlineData("float('abc')", 6, "could not convert string to float: 'abc'")]
    [InlineData("int('inf')", 4, "could not convert string to int: 'inf'")]
    [InlineData("lambda x: x", 0, "a Python lambda cannot be run here (LambdaLR and MultiplicativeLR are not supported): "
        + "write the factor as native text, e.g. warmup(100) >> cosine(900)")]
    [InlineData("", 0, "expected a value but found the end of the text")]
    [InlineData("a.", 2, "expected a name after '.' but found the end of the text")]
    public void ErrorsNamePositionAndProblem(string text, int position, string problem)
    {
        var error = Assert.Throws<SpecException>(() => PythonCallParser.Parse(text));
        Assert.Equal(position, error.Position);
        Assert.Equal(problem, error.Problem);
        Assert.StartsWith($"at column {position + 1}: ", error.Message);
    }

    [Fact]
    public void DeepNestingIsAnErrorNotACrash()
    {
        var text = new string('[', 5000) + new string(']', 5000);
        var error = Assert.Throws<SpecException>(() => PythonCallParser.Parse(text));
        Assert.Contains("nests deeper", error.Problem);
    }
}
