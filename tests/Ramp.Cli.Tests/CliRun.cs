namespace Ramp.Cli.Tests;

/// <summary>The outcome of running <c>ramp</c> in-process through <see cref="Program.Run"/>.</summary>
public sealed record CliRun(int Code, string Out, string Err)
{
    public static CliRun Of(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = Program.Run(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Non-empty lines of standard output.</summary>
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Non-empty lines of standard error.</summary>
    public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Parses the CSV on standard output: header columns and numeric rows.</summary>
    public (string[] Header, double[][] Rows) Csv()
    {
        var lines = OutLines;
        var header = lines[0].Split(',');
        var rows = lines.Skip(1)
            .Select(l => l.Split(',').Select(c => double.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        return (header, rows);
    }
}
