using System.Globalization;
using System.Text.Json;
using Ramp.Cli.Cli;
using Ramp.Runs;
using Ramp.Training.Data;
using Ramp.Training.Guards;
using Ramp.Training.Monitoring;
using Ramp.Training.Optimizers;

namespace Ramp.Cli.Commands;

/// <summary>
/// <c>ramp train --resume --out DIR</c> continues the run with the settings its <c>config.json</c> recorded. An option
/// typed on the command line must say what the run has; every one that differs is listed in one line
/// (<c>--lr: the run has 0.1, the command says 0.5</c>) and nothing is trained. A folder without <c>config.json</c>
/// holds no run yet: the typed settings start one.
/// </summary>
public static class TrainResume
{
    /// <summary>The request to run: <paramref name="typed"/>'s settings replaced by the run's.</summary>
    /// <param name="typed">The options as parsed (defaults included).</param>
    /// <param name="given">The names of the options typed on the command line (<c>--lr</c>, ...).</param>
    /// <exception cref="UsageException">A typed option differs from the run's setting, or config.json cannot be read.</exception>
    public static TrainRequest Merge(TrainRequest typed, IReadOnlySet<string> given)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(given);
        if (!File.Exists(Path.Combine(typed.Out, "config.json")))
        {
            if (typed.ExtendSteps is not null) throw new UsageException($"--extend-steps: --out {typed.Out} holds no run to extend (no " +
                "config.json)");
            return typed;
        }
        var run = Read(typed.Out);
        // optimizer_settings as OptimizerFactory.Settings writes them; the typed options are put in the same form, so
        // a default the factory fills in (schedule-free-sgd's momentum 0 = 0.9) is not taken for a difference.
        var recorded = Extra(run, "optimizer_settings");
        var momentum = Setting(recorded, "momentum") is { ValueKind: JsonValueKind.Number } m
            ? m.GetDouble()
            : given.Contains("--momentum") ? typed.Momentum : 0; // runs written before the settings were recorded
        var gi = recorded is null ? typed.Gi : Setting(recorded, "gradient_init") is { ValueKind: JsonValueKind.True };
        var typedMomentum = OptimizerFactory.Names.Contains(run.Optimizer)
            && OptimizerFactory.Settings(run.Optimizer, typed.Momentum).TryGetValue("momentum", out var tm) ? (double)tm : typed.Momentum;
        var g = Recorded(run.Guards, GuardOptions.None, "guards");
        var monitor = Recorded(run.Monitor, new MonitorOptions(), "monitor");
        var t = typed.Guards;
        (string Option, string Run, string Typed)[] settings = [
            ("--model", ModelNames.Text(run.Model), typed.Model),
            ("--data", run.Data, typed.Data),
            ("--data-dir", run.DataDir ?? "none", typed.DataDir ?? "none"),
            ("--optimizer", run.Optimizer, typed.Optimizer),
            ("--lr", N(run.Lr), N(typed.Lr)),
            ("--momentum", N(momentum), N(typedMomentum)),
            ("--gi", gi ? "on" : "off", typed.Gi ? "on" : "off"),
            ("--schedule", run.Schedule, typed.Schedule),
            ("--steps", N(run.Steps), typed.Steps is { } s ? N(s) : "none"),
            ("--epochs", run.Epochs is { } re ? N(re) : "none", typed.Epochs is { } te ? N(te) : "none"),
            ("--batch", N(run.Batch), N(typed.Batch)),
            ("--seed", N(run.Seed), N(typed.Seed)),
            ("--device", run.Device, typed.Device),
            ("--clip", g.Clip is { } rc ? N(rc.MaxNorm) : "off", t.Clip is { } tc ? N(tc.MaxNorm) : "off"),
            ("--agc", g.Agc is { } ra ? N(ra.Lambda) : "off", t.Agc is { } ta ? N(ta.Lambda) : "off"),
            ("--zclip", On(g.ZClip), On(t.ZClip)),
            ("--skip-spikes", On(g.SkipSpikes), On(t.SkipSpikes)),
            ("--rollback", On(g.Rollback), On(t.Rollback)),
            ("--checkpoint-every", N(run.CheckpointEvery), N(typed.CheckpointEvery)),
            ("--eval-every", N(run.EvalEvery), N(typed.EvalEvery)),
            ("--eval-windows", Windows(run.EvalWindows), Windows(typed.EvalWindows)),
            ("--read-back-every", N(monitor.ReadBackEvery), N(typed.ReadBackEvery)),
            ("--detail-every", N(monitor.DetailEvery), N(typed.DetailEvery)),
            ("--accumulate", N(run.Accumulate), N(typed.Accumulate)),
        ];
        var differences = settings.Where(x => given.Contains(x.Option) && x.Run != x.Typed)
            .Select(x => $"{x.Option}: the run has {x.Run}, the command says {x.Typed}").ToArray();
        if (differences.Length > 0)
            throw new UsageException($"--resume: the command differs from the run in {typed.Out} ({string.Join("; ", differences)}); " +
                "drop these options to continue the run with its own settings");
        if (typed.ExtendSteps is { } extend) run = TrainExtension.Extend(run, ReadSummary(typed.Out), extend);
        return new TrainRequest(ModelNames.Text(run.Model), run.Data, run.DataDir, run.Optimizer, run.Lr, momentum, run.Schedule, run.Steps,
            run.Epochs, run.Batch, run.Seed, typed.Out, run.Device, g, run.CheckpointEvery, run.EvalEvery, monitor.ReadBackEvery,
            Resume: true, run.Accumulate, monitor.DetailEvery, typed.Force, run.EvalWindows, gi, typed.ExtendSteps)
        {
            InputNormalization = PixelNormalization.RecordedIn(run),
        };
    }

    private static RunConfig Read(string folder)
    {
        try
        {
            return new RunFolder(folder).ReadConfig();
        }
        catch (RunFolderException e)
        {
            throw new UsageException($"--resume: {CommandLineRunner.OneLine(e.Message)}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--resume: {Path.Combine(folder, "config.json")}: cannot read the run's " +
                $"settings: {CommandLineRunner.OneLine(e.Message)}", e);
        }
    }

    private static JsonElement? Setting(JsonElement? settings, string name) =>
        settings is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var value) ? value : null;

    private static RunSummary? ReadSummary(string folder)
    {
        try
        {
            return new RunFolder(folder).ReadSummary();
        }
        catch (RunFolderException e)
        {
            throw new UsageException($"--resume: {CommandLineRunner.OneLine(e.Message)}", e);
        }
    }

    private static JsonElement? Extra(RunConfig run, string name) =>
        run.Extra?.TryGetValue(name, out var value) == true && value is JsonElement e ? e : null;

    // The guards and monitoring options as config.json recorded them; a run that recorded none had the defaults.
    private static T Recorded<T>(JsonElement? element, T none, string field) where T : class
    {
        if (element is not { ValueKind: not JsonValueKind.Null } e) return none;
        try
        {
            return e.Deserialize<T>(RunJson.Indented) ?? none;
        }
        catch (JsonException ex)
        {
            throw new UsageException($"--resume: config.json's {field}: cannot be read back: {CommandLineRunner.OneLine(ex.Message)}", ex);
        }
    }

    private static string Windows(int n) => n == 0 ? "all" : N(n);

    private static string On(object? guard) => guard is null ? "off" : "on";

    private static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
