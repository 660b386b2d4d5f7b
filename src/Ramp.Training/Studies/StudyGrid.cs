using Ramp.Training.Models;

namespace Ramp.Training.Studies;

/// <summary>
/// One case study's grid: data, model, optimizer and length shared by every cell, and the arms x peak learning
/// rates x seeds that vary. Give the length as <see cref="Steps"/> or as <see cref="Epochs"/> (full batches per
/// epoch times epochs, rounded down).
/// </summary>
/// <param name="CaseStudy">The name that groups the runs in the report (<c>fmnist-sgd</c>, <c>char-transformer-post-ln</c>).</param>
/// <param name="Data"><c>fashion-mnist</c> or <c>text</c>.</param>
/// <param name="DataDir"><c>shipped</c> (the subset inside Ramp, default), <c>default</c> (Debian's full Fashion-MNIST when installed, else
/// shipped), or a folder / text file.</param>
/// <param name="Model">The model.</param>
/// <param name="Optimizer">The optimizer.</param>
/// <param name="Batch">Examples per step.</param>
/// <param name="Steps">Run length in steps, or null.</param>
/// <param name="Epochs">Run length in epochs, or null.</param>
/// <param name="Arms">The arms.</param>
/// <param name="Peaks">Peak learning rates (the optimizer's base rate; native schedules are factors of it).</param>
/// <param name="Seeds">Seeds; the same seed gives every arm the same initialisation and data order.</param>
/// <param name="CollapseMargin">
/// Text only: a run fails when its final training loss is above the unigram entropy minus this margin (nats),
/// which catches collapse to the unigram distribution as well as blow-up. Default 0.25.
/// </param>
public sealed record StudyGrid(
    string CaseStudy,
    string Data,
    string DataDir,
    ModelSettings Model,
    OptimizerSettings Optimizer,
    int Batch,
    long? Steps,
    double? Epochs,
    IReadOnlyList<StudyArm> Arms,
    IReadOnlyList<double> Peaks,
    IReadOnlyList<int> Seeds,
    double CollapseMargin = 0.25)
{
    /// <summary>The data set names a grid may use.</summary>
    public static readonly IReadOnlyList<string> DataNames = ["fashion-mnist", "text"];

    /// <summary>This grid with other seeds (the <c>--seeds</c> option).</summary>
    public StudyGrid WithSeeds(IReadOnlyList<int> seeds) => this with { Seeds = seeds };
}
