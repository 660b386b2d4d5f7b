namespace Ramp.Training.Optimizers;

/// <summary>
/// An optimizer whose parameters hold a different point while training than the one to evaluate and keep
/// (Schedule-Free: the gradient point <c>y</c> while training, the average <c>x</c> for evaluation and checkpoints).
/// </summary>
/// <remarks>
/// The loop (<c>Loop/Trainer</c>) calls <see cref="Eval"/> before it evaluates or writes a checkpoint and
/// <see cref="Train"/> before each step, which after an evaluation, a checkpoint or a load is the swap back. Both are
/// idempotent: a second call in the same mode does nothing.
/// The mode is part of the optimizer's saved state, so a checkpoint written in eval mode resumes in eval mode until
/// <see cref="Train"/> is called.
/// </remarks>
public interface ITrainEvalSwitch
{
    /// <summary>Whether the parameters now hold the training point.</summary>
    bool Training { get; }

    /// <summary>Puts the training point into the parameters (no-op when already training).</summary>
    void Train();

    /// <summary>Puts the evaluation point into the parameters (no-op when already evaluating).</summary>
    void Eval();
}
