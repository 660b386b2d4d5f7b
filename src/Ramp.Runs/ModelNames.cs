namespace Ramp.Runs;

/// <summary>
/// The text form of <see cref="ModelName"/> (<c>mlp</c>, <c>cnn</c>, <c>deep-mlp</c>, <c>transformer</c>): the enum and
/// its JSON names are the one list that the CLI, the grids and the run folder use.
/// </summary>
public static class ModelNames
{
    private static readonly ModelName[] Models = Enum.GetValues<ModelName>();

    /// <summary>Every model's text form, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = Models.Select(Text).ToArray();

    /// <summary>The text form of <paramref name="model"/>, exactly as <c>config.json</c> writes it.</summary>
    public static string Text(ModelName model) => RunJson.Name(model);

    /// <summary>The model named <paramref name="text"/> (exact, lower case), or null when there is none.</summary>
    public static ModelName? Find(string? text)
    {
        var i = text is null ? -1 : ((IList<string>)All).IndexOf(text);
        return i < 0 ? null : Models[i];
    }

    /// <summary>The model named <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentException">No model has that name; the message lists the names.</exception>
    public static ModelName Parse(string text) => Find(text)
        ?? throw new ArgumentException($"model: unknown model '{text}'; expected one of {string.Join(", ", All)}", nameof(text));
}
