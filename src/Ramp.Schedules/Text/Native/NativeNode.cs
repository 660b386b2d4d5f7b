namespace Ramp.Schedules.Text.Native;

/// <summary>A parsed piece of native text: a number, a bare name, a list, a schedule or a whole spec.</summary>
internal abstract record NativeNode(int Position)
{
    /// <summary>How the node reads in an error message.</summary>
    public abstract string Describe();
}

/// <summary>A number literal.</summary>
internal sealed record NumberNode(NativeToken Token) : NativeNode(Token.Position)
{
    public double Value => NativeLexer.ToDouble(Token);

    public override string Describe() => $"number {Token.Text}";
}

/// <summary>A bare name: <c>true</c>, <c>false</c> or a choice such as <c>cosine</c>.</summary>
internal sealed record NameNode(NativeToken Token) : NativeNode(Token.Position)
{
    public override string Describe() => $"name '{Token.Text}'";
}

/// <summary>A list of number literals, <c>[1, 2, 3]</c>.</summary>
internal sealed record ListNode(int Start, IReadOnlyList<NativeToken> Items) : NativeNode(Start)
{
    public override string Describe() => "a list";
}

/// <summary>A schedule expression.</summary>
internal sealed record ScheduleNode(int Start, Schedule Schedule) : NativeNode(Start)
{
    public override string Describe() => $"schedule {Schedule}";
}

/// <summary>A whole spec, <c>per_group(...)</c>, allowed only as the entire text.</summary>
internal sealed record SpecNode(int Start, ScheduleSpec Spec) : NativeNode(Start)
{
    public override string Describe() => $"spec {Spec}";
}

/// <summary>One argument of a call: its name (null when positional) and value.</summary>
internal sealed record NativeArgument(NativeToken? Name, NativeNode Value);
