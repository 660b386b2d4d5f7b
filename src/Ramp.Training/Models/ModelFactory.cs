using Ramp.Runs;
using Ramp.Schedules;
using static TorchSharp.torch;

namespace Ramp.Training.Models;

/// <summary>
/// The one place a model is built from its name: <c>ramp train</c>, <c>ramp find-lr</c> and the cells of
/// <c>ramp compare</c> all call <see cref="Create"/>, so the list of names and the defaults cannot drift apart.
/// </summary>
public static class ModelFactory
{
    /// <summary>
    /// The model names, in the order the help lists them: <c>mlp</c>, <c>cnn</c>, <c>deep-mlp</c> (images) and
    /// <c>transformer</c> (text); the text forms of <see cref="ModelName"/>, the one list <c>config.json</c> uses too.
    /// </summary>
    public static IReadOnlyList<string> Names => ModelNames.All;

    /// <summary>Whether the model named <paramref name="name"/> trains on text (a language model) rather than images.</summary>
    public static bool IsText(string name) => ModelNames.Find(name) == ModelName.Transformer;

    /// <summary>
    /// Builds the model <paramref name="settings"/> describe with <paramref name="classes"/> outputs (the vocabulary size
    /// for the transformer), initialised after seeding torch with <paramref name="seed"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A name not in <see cref="Names"/>.</exception>
    public static nn.Module<Tensor, Tensor> Create(ModelSettings settings, int classes, int seed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ModelNames.Find(settings.Kind) switch
        {
            ModelName.Mlp => new Mlp(hidden: settings.Hidden, classes: classes, seed: seed),
            ModelName.Cnn => new SmallCnn(classes, seed: seed),
            ModelName.DeepMlp => new DeepMlp(settings.Depth, settings.Width, settings.InitScale, classes: classes, seed: seed),
            ModelName.Transformer => new CharTransformer(classes, settings.Context, settings.Dim, settings.Heads, settings.Layers,
                settings.PreLn, seed),
            _ => throw RampArgumentException.For($"model: unknown name '{settings.Kind}'; expected one of {string.Join(", ", Names)}",
                nameof(settings)),
        };
    }
}
