using Ramp.Schedules;
using Ramp.Training.Optimizers;
using Theirs = TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Tests.Optimizers;

public sealed class OptimizerFactoryTests
{
    private static Theirs.Parameter[] Weights() => [new Theirs.Parameter(zeros(3))];

    [Fact]
    public void Sgd_gets_Ramps_SGD_with_momentum_and_weight_decay()
    {
        using var optimizer = OptimizerFactory.Create("sgd", Weights(), 0.1, momentum: 0.9, weightDecay: 0.01);
        var options = Assert.IsType<SGD>(optimizer).ParamGroups.OfType<Theirs.SGD.ParamGroup>().Single().Options;
        Assert.Equal((0.1, 0.9, 0.01, 0.0, false), (options.LearningRate, options.momentum, options.weight_decay, options.dampening, options.nesterov));
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("adamw")]
    public void The_adam_family_gets_Ramps_class_with_its_betas_eps_and_weight_decay(string name)
    {
        using var optimizer = OptimizerFactory.Create(name, Weights(), 0.01, beta1: 0.8, beta2: 0.95, eps: 1e-6, weightDecay: 0.1);
        Assert.Equal(name == "adam" ? typeof(Adam) : typeof(AdamW), optimizer.GetType());
        var group = optimizer.ParamGroups.Single();
        Assert.Equal((0.8, 0.95), ((optim.IBetas)group).Betas);
        var (eps, decay) = ((Theirs.ParamGroup)group).Options switch
        {
            Theirs.Adam.Options a => (a.eps, a.weight_decay),
            Theirs.AdamW.Options w => (w.eps, w.weight_decay),
            _ => (null, null),
        };
        Assert.Equal((1e-6, 0.1), (eps!.Value, decay!.Value));
    }

    [Fact]
    public void Rmsprop_gets_Ramps_RMSProp_with_momentum()
    {
        using var optimizer = OptimizerFactory.Create("rmsprop", Weights(), 0.01, momentum: 0.5, eps: 1e-7);
        var options = Assert.IsType<RMSProp>(optimizer).ParamGroups.OfType<Theirs.RMSProp.ParamGroup>().Single().Options;
        Assert.Equal((0.5, 1e-7, 0.99), (options.momentum!.Value, options.eps!.Value, options.alpha!.Value));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Radam_gets_RectifiedAdam_with_its_kind_of_weight_decay(bool decoupled)
    {
        using var optimizer = OptimizerFactory.Create("radam", Weights(), 0.01, weightDecay: 0.1, decoupledWeightDecay: decoupled);
        Assert.Equal(decoupled, Assert.IsType<RectifiedAdam>(optimizer).DecoupledWeightDecay);
    }

    [Fact]
    public void Every_listed_name_is_built()
    {
        foreach (var name in OptimizerFactory.Names)
        {
            using var optimizer = OptimizerFactory.Create(name, Weights(), 0.01);
            Assert.Equal("Ramp.Training.Optimizers", optimizer.GetType().Namespace);
        }
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_known_ones()
    {
        var e = Assert.Throws<RampArgumentException>(() => OptimizerFactory.Create("lamb", Weights(), 0.01));
        Assert.Equal("name", e.ParamName);
        Assert.StartsWith("optimizer: unknown name 'lamb'; expected one of sgd, adam, adamw, rmsprop, radam", e.Message);
    }

    [Theory]
    [InlineData("schedule-free-adamw", typeof(ScheduleFreeAdamW))]
    [InlineData("schedule-free-sgd", typeof(ScheduleFreeSgd))]
    [InlineData("prodigy", typeof(Prodigy))]
    [InlineData("stable-adamw", typeof(StableAdamW))]
    public void The_warmup_free_names_get_their_optimizers_with_the_given_rate(string name, Type type)
    {
        using var optimizer = OptimizerFactory.Create(name, Weights(), 0.02, beta1: 0.8, weightDecay: 0.1);
        Assert.Equal(type, optimizer.GetType());
        Assert.Equal(0.02, optimizer.ParamGroups.Single().LearningRate);
    }

    [Theory]
    [InlineData(0.0, 0.9)]
    [InlineData(0.5, 0.5)]
    public void Schedule_free_sgd_takes_momentum_as_its_interpolation_with_0_meaning_the_authors_default(double momentum, double expected)
    {
        using var optimizer = OptimizerFactory.Create("schedule-free-sgd", Weights(), 0.1, momentum: momentum);
        Assert.Equal(expected, Assert.IsType<ScheduleFreeParamGroup>(optimizer.ParamGroups.Single()).Betas.Item1);
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("adamw")]
    public void Gi_sets_gradient_initialisation_on_adam_and_adamw(string name)
    {
        using var optimizer = OptimizerFactory.Create(name, Weights(), 0.01, gradientInit: true);
        Assert.True(optimizer switch { Adam a => a.GradientInit, AdamW w => w.GradientInit, _ => false });
        using var plain = OptimizerFactory.Create(name, Weights(), 0.01);
        Assert.False(plain switch { Adam a => a.GradientInit, AdamW w => w.GradientInit, _ => true });
    }

    [Fact]
    public void Gi_is_refused_for_other_optimizers()
    {
        var e = Assert.Throws<RampArgumentException>(() => OptimizerFactory.Create("sgd", Weights(), 0.01, gradientInit: true));
        Assert.Equal("gradientInit", e.ParamName);
        Assert.StartsWith("optimizer: gradient initialisation (GI-Adam, --gi) applies to adam and adamw, not 'sgd'", e.Message);
    }
    [Theory]
    [InlineData("sgd", 0.9, false, "name=sgd momentum=0.9 weight_decay=0")]
    [InlineData("rmsprop", 0.5, false, "name=rmsprop momentum=0.5 eps=1E-08 weight_decay=0")]
    [InlineData("schedule-free-sgd", 0.0, false, "name=schedule-free-sgd momentum=0.9 weight_decay=0")]
    [InlineData("adamw", 0.0, true, "name=adamw beta1=0.9 beta2=0.999 eps=1E-08 weight_decay=0 gradient_init=True")]
    [InlineData("prodigy", 0.0, false, "name=prodigy beta1=0.9 beta2=0.999 eps=1E-08 weight_decay=0")]
    public void Settings_are_what_Create_uses_in_config_json_form(string name, double momentum, bool gi, string expected)
    {
        var settings = OptimizerFactory.Settings(name, momentum, gradientInit: gi);
        Assert.Equal(expected, string.Join(" ", settings.Select(p => $"{p.Key}={Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)}")));
    }

    [Fact]
    public void Settings_and_Create_share_their_defaults()
    {
        // Settings records the values Create fills in when a caller leaves them out: the two signatures must not drift.
        var create = typeof(OptimizerFactory).GetMethod(nameof(OptimizerFactory.Create))!.GetParameters().ToDictionary(p => p.Name!);
        foreach (var p in typeof(OptimizerFactory).GetMethod(nameof(OptimizerFactory.Settings))!.GetParameters().Where(p => p.HasDefaultValue))
            Assert.Equal(create[p.Name!].DefaultValue, p.DefaultValue);
    }

    [Fact]
    public void Settings_refuse_an_unknown_name()
    {
        var e = Assert.Throws<RampArgumentException>(() => OptimizerFactory.Settings("lion"));
        Assert.Equal("name", e.ParamName);
        Assert.StartsWith("optimizer: unknown name 'lion'; expected one of sgd, adam,", e.Message);
    }
}
