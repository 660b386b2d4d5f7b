using Ramp.Schedules;
using Ramp.Training.Data;
using Ramp.Training.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Tests.Models;

public sealed class ModelTests
{
    private static float MaxDiff(nn.Module a, nn.Module b) =>
        a.parameters().Zip(b.parameters()).Max(p => (p.First - p.Second).abs().max().item<float>());

    public static IEnumerable<object[]> Builders() =>
    [
        ["mlp"], ["cnn"], ["deep"], ["pre"], ["post"],
    ];

    private static nn.Module<Tensor, Tensor> Build(string kind, long seed) => kind switch
    {
        "mlp" => new Mlp(seed: seed),
        "cnn" => new SmallCnn(seed: seed),
        "deep" => new DeepMlp(depth: 4, width: 32, seed: seed),
        "pre" => new CharTransformer(30, context: 16, model: 32, heads: 4, layers: 2, preLn: true, seed: seed),
        _ => new CharTransformer(30, context: 16, model: 32, heads: 4, layers: 2, preLn: false, seed: seed),
    };

    [Theory]
    [MemberData(nameof(Builders))]
    public void The_same_seed_gives_the_same_weights_and_another_seed_does_not(string kind)
    {
        using var a = Build(kind, 5);
        using var b = Build(kind, 5);
        using var c = Build(kind, 6);
        Assert.Equal(0f, MaxDiff(a, b));
        Assert.True(MaxDiff(a, c) > 0);
    }

    [Fact]
    public void Layers_are_named_for_per_layer_monitoring()
    {
        Assert.Equal(["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "out.weight", "out.bias"],
            new Mlp().named_parameters().Select(p => p.name));
        Assert.Equal(["conv1", "conv2", "fc1", "out", "relu1", "relu2", "relu3"], new SmallCnn().named_children().Select(c => c.name));
        Assert.Equal(["fc1", "relu1", "fc2", "relu2", "fc3", "relu3", "out"], new DeepMlp(depth: 3, width: 8).named_children().Select(c => c.name));
        var pre = new CharTransformer(30, 16, 32, 4, 2, preLn: true).named_parameters().Select(p => p.name).ToList();
        var post = new CharTransformer(30, 16, 32, 4, 2, preLn: false).named_parameters().Select(p => p.name).ToList();
        Assert.Contains("blocks.1.attn.qkv.weight", pre);
        Assert.Contains("blocks.0.mlp.fc.weight", pre);
        Assert.Contains("ln_f.weight", pre);
        Assert.DoesNotContain("ln_f.weight", post);
        Assert.Equal(pre.Count - 2, post.Count);
    }

    [Fact]
    public void Shipped_images_give_class_logits()
    {
        var (train, _) = FashionMnist.LoadShipped();
        using var images = train.Images([0, 1, 2, 3]);
        Assert.Equal(new long[] { 4, 10 }, new Mlp().call(images).shape);
        Assert.Equal(new long[] { 4, 10 }, new SmallCnn().call(images).shape);
        Assert.Equal(new long[] { 4, 10 }, new DeepMlp(depth: 3, width: 16).call(images).shape);
    }

    [Fact]
    public void Init_scale_sets_the_weight_spread()
    {
        var model = new DeepMlp(depth: 2, width: 512, initScale: 3.0, inputs: 256);
        var std = model.named_parameters().First(p => p.name == "fc2.weight").parameter.std().item<float>();
        Assert.InRange(std, 3.0 / Math.Sqrt(512) * 0.97, 3.0 / Math.Sqrt(512) * 1.03);
        var e = Assert.Throws<RampArgumentException>(() => new DeepMlp(initScale: 0));
        Assert.Equal("initScale", e.ParamName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_transformer_is_causal(bool preLn)
    {
        var model = new CharTransformer(20, context: 8, model: 16, heads: 2, layers: 2, preLn: preLn, seed: 1);
        using var tokens = tensor(new long[] { 1, 2, 3, 4, 5, 6, 7, 8 }, [1, 8]);
        using var changed = tokens.clone();
        changed[0, 5] = tensor(19L);
        using var a = model.call(tokens);
        using var b = model.call(changed);
        Assert.Equal(new long[] { 1, 8, 20 }, a.shape);
        Assert.Equal(0f, (a[.., ..5] - b[.., ..5]).abs().max().item<float>());
        Assert.True((a[.., 5..] - b[.., 5..]).abs().max().item<float>() > 0);
        Assert.Throws<RampArgumentException>(() => model.call(zeros(1, 9, dtype: ScalarType.Int64)));
    }

    [Fact]
    public void A_few_adam_steps_lower_the_character_loss()
    {
        var corpus = TextCorpus.Shipped();
        var model = new CharTransformer(corpus.Vocabulary.Count, context: 32, model: 32, heads: 4, layers: 2, seed: 3);
        var optimizer = optim.Adam(model.parameters(), 3e-3);
        var order = new DataOrder(corpus.Windows(32), 16, seed: 1);
        var position = DataPosition.Start;
        var losses = new List<float>();
        for (int step = 0; step < 30; step++)
        {
            using var scope = NewDisposeScope();
            var (x, y) = corpus.Batch(order.Batch(position).Select(i => (int)i).ToArray(), 32);
            position = order.Next(position);
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(x).view(-1, corpus.Vocabulary.Count), y.view(-1));
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }
        Assert.True(losses.Skip(25).Average() < losses.Take(5).Average() - 0.5, string.Join(", ", losses));
    }
}
