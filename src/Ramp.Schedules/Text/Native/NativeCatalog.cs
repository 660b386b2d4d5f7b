using System.Globalization;
using System.Reflection;
using Ramp.Schedules.Composition;
using Ramp.Schedules.Cyclic;
using Ramp.Schedules.Decay;
using Ramp.Schedules.Text.Python;
using Ramp.Schedules.Warmup;

namespace Ramp.Schedules.Text.Native;

/// <summary>
/// Every name of the native form and the record it builds. A call's arguments map onto the record's primary
/// constructor (parameter <c>MinMomentum</c> is written <c>min_momentum</c>), so the text form and the C# API cannot
/// drift apart; <c>join</c> and the operators are handled by the parser and printer.
/// </summary>
internal static class NativeCatalog
{
    private static readonly Type[] Types =
    [
        typeof(LinearWarmup), typeof(ExponentialWarmup), typeof(CosineWarmup), typeof(ConstantWarmup), typeof(LogWarmup),
        typeof(AdamLinearWarmup), typeof(AdamExponentialWarmup),
        typeof(Constant), typeof(StepDecay), typeof(MultiStepDecay), typeof(ExponentialDecay), typeof(InverseTimeDecay),
        typeof(PolynomialDecay), typeof(LinearDecay), typeof(CosineDecay), typeof(CosineRestarts), typeof(TanhDecay),
        typeof(InverseSqrtDecay), typeof(WarmupStableDecay), typeof(PowerScheduler),
        typeof(PiecewiseConstant), typeof(PiecewiseInterpolated),
        typeof(OneCycle), typeof(CyclicSchedule), typeof(MomentumSchedule),
        typeof(PerEpoch), typeof(GroupSpec), typeof(AutoWarmupSpec),
    ];

    /// <summary>Warmups whose length may be written <c>ratio=..., total=...</c> instead of <c>steps</c>.</summary>
    private static readonly HashSet<Type> RatioWarmups =
        [typeof(LinearWarmup), typeof(CosineWarmup), typeof(ConstantWarmup), typeof(LogWarmup)];

    private static readonly Dictionary<string, Type> ByName = Types.ToDictionary(NameOfType);
    private static readonly Dictionary<Type, string> ByType = Types.ToDictionary(t => t, NameOfType);

    /// <summary>Every native name, <c>join</c> included.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. ByName.Keys, Join.Name];

    /// <summary>The native name of a record type, or null when the type is not native.</summary>
    public static string? NameOf(object value) => ByType.GetValueOrDefault(value.GetType());

    private static string NameOfType(Type type) =>
        (string)type.GetField("Name", BindingFlags.NonPublic | BindingFlags.Static)!.GetRawConstantValue()!;

    /// <summary>Builds the node a call denotes.</summary>
    public static NativeNode Build(NativeToken name, List<NativeArgument> arguments, int close)
    {
        if (name.Text == Join.Name) return BuildJoin(name, arguments);
        if (!ByName.TryGetValue(name.Text, out var type))
        {
            if (PeerCatalog.All.FirstOrDefault(e => e.Name == name.Text) is { } peer)
            {
                throw new SpecException(name.Position,
                    $"'{name.Text}' is a {peer.Peer} scheduler: a peer's call must be the whole spec, it cannot be composed "
                    + "inside native text; compose native schedules instead (docs/schedules.md lists the native equivalent) "
                    + "or use the peer's own composition (SequentialLR, join_schedules)");
            }
            var candidates = Names.Concat(PeerCatalog.All.Select(e => e.Name));
            throw new SpecException(name.Position, $"unknown schedule '{name.Text}'", NearestNames.Find(name.Text, candidates));
        }
        if (RatioWarmups.Contains(type)) ApplyRatio(name, arguments);
        var constructor = NativeBinder.Constructor(type);
        var values = NativeBinder.Bind(constructor, name, arguments, close);
        var made = NativeParser.Construct(name.Position,
            () => constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, values, CultureInfo.InvariantCulture));
        return made is ScheduleSpec spec ? new SpecNode(name.Position, spec) : new ScheduleNode(name.Position, (Schedule)made);
    }

    private static ScheduleNode BuildJoin(NativeToken name, List<NativeArgument> arguments)
    {
        var pieces = new List<Schedule>();
        NativeNode? at = null;
        foreach (var argument in arguments)
        {
            if (argument.Name is null) pieces.Add(NativeParser.AsSchedule(argument.Value));
            else if (argument.Name.Value.Text == "at" && at is null) at = argument.Value;
            else throw new SpecException(argument.Name.Value.Position,
                $"join has no parameter '{argument.Name.Value.Text}' (or it is given twice)", ["at"]);
        }
        if (at is null)
        {
            return new ScheduleNode(name.Position, NativeParser.Construct(name.Position, () => Join.Sequence(pieces.ToArray())));
        }
        var boundaries = (EquatableArray<long>)NativeBinder.Convert(at, typeof(EquatableArray<long>), "join", "at")!;
        return new ScheduleNode(name.Position, NativeParser.Construct(name.Position, () => new Join(pieces.ToArray(), boundaries)));
    }

    private static void ApplyRatio(NativeToken name, List<NativeArgument> arguments)
    {
        var ratio = arguments.FindIndex(a => a.Name?.Text == "ratio");
        if (ratio < 0) return;
        var total = arguments.FindIndex(a => a.Name?.Text == "total");
        var at = arguments[ratio].Name!.Value.Position;
        if (total < 0) throw new SpecException(at, $"{name.Text}: ratio needs total=... (the run's length in steps)");
        var r = (double)NativeBinder.Convert(arguments[ratio].Value, typeof(double), name.Text, "ratio")!;
        var n = (long)NativeBinder.Convert(arguments[total].Value, typeof(long), name.Text, "total")!;
        var steps = NativeParser.Construct(at, () => WarmupRatio.Steps(r, n));
        var stepsToken = new NativeToken(TokenKind.Name, "steps", at);
        var value = new NumberNode(new NativeToken(TokenKind.Number, steps.ToString(CultureInfo.InvariantCulture), at));
        arguments.RemoveAt(Math.Max(ratio, total));
        arguments.RemoveAt(Math.Min(ratio, total));
        arguments.Add(new NativeArgument(stepsToken, value));
    }
}
