using TorchSharp;
using TorchSharp.Modules;
using static Ramp.Training.Tests.Optimizers.OptimizerPairs;
using static TorchSharp.torch;

using Trained = (TorchSharp.torch.optim.Optimizer Optimizer, TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> Model, TorchSharp.Modules.Parameter[] Parameters);

namespace Ramp.Training.Tests.Optimizers;

/// <summary>Ramp's race-free optimizers compute what TorchSharp's own compute, and share their saved state.</summary>
public sealed class TorchSharpParityTests
{
    private const int Steps = 20;

    public static TheoryData<string> Names() => Cases();

    public static TheoryData<string, bool> NamesBothWays()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in Cases()) { data.Add(name, true); data.Add(name, false); }
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Twenty_steps_give_the_same_parameters_as_TorchSharps_optimizer(string name)
    {
        var (theirModel, theirParameters) = Model();
        var (ourModel, ourParameters) = Model();
        var start = Values(theirParameters);
        var (theirs, ours) = Create(name, theirParameters, ourParameters);
        using (theirs)
        using (ours)
        {
            foreach (var batch in Batches(Steps))
            {
                Step(theirs, theirModel, batch);
                Step(ours, ourModel, batch);
            }
        }
        var expected = Values(theirParameters);
        Assert.Equal(expected, Values(ourParameters));
        Assert.NotEqual(start[..^3], expected[..^3]);
        Assert.Equal(start[^3..], expected[^3..]); // the parameter without a gradient is left alone
    }

    [Theory]
    [MemberData(nameof(NamesBothWays))]
    public void A_state_saved_by_either_continues_identically_in_the_other(string name, bool theirsSaves)
    {
        var batches = Batches(Steps);
        var (theirModel, theirParameters) = Model();
        var (ourModel, ourParameters) = Model();
        var (theirs, ours) = Create(name, theirParameters, ourParameters);
        using (theirs)
        using (ours)
        {
            Trained their = (theirs, theirModel, theirParameters), our = (ours, ourModel, ourParameters);
            var (saver, loader) = theirsSaves ? (their, our) : (our, their);
            foreach (var batch in batches[..(Steps / 2)]) Step(saver.Optimizer, saver.Model, batch);
            CopyInto(loader.Parameters, saver.Parameters);
            Transfer(saver.Optimizer, loader.Optimizer);
            foreach (var batch in batches[(Steps / 2)..])
            {
                Step(saver.Optimizer, saver.Model, batch);
                Step(loader.Optimizer, loader.Model, batch);
            }
        }
        Assert.Equal(Values(theirParameters), Values(ourParameters));
    }

    // Saves one optimizer's state to a stream and loads it into the other, as a checkpoint round trip does.
    private static void Transfer(optim.Optimizer from, optim.Optimizer to)
    {
        using var stream = new MemoryStream();
        ((OptimizerHelper)from).save_state_dict(new BinaryWriter(stream));
        stream.Position = 0;
        ((OptimizerHelper)to).load_state_dict(new BinaryReader(stream));
    }

    private static void CopyInto(Parameter[] target, Parameter[] source)
    {
        using var noGrad = no_grad();
        for (int i = 0; i < target.Length; i++) target[i].copy_(source[i]);
    }
}
