using Ramp.Training.Models;
using Ramp.Training.Studies;

namespace Ramp.Training.Tests.Studies;

/// <summary>Grid files: a full example reads back; each mistake names the file and the line or JSON path.</summary>
public sealed class GridFileTests
{
    private const string Example = """
        {
          // comments are allowed
          "case_study": "my-lm",
          "data": "text",
          "model": { "kind": "transformer", "layers": 1, "dim": 32, "heads": 2, "context": 32, "pre_ln": false },
          "optimizer": { "name": "adamw", "beta2": 0.98, "eps": 1e-9, "weight_decay": 0.01 },
          "batch": 16,
          "steps": 120,
          "peaks": [1e-3, 4e-3],
          "seeds": [1, 2],
          "collapse_margin": 0.3,
          "arms": [
            { "name": "none", "schedule": "wsd({steps - steps/5}, {steps/5}, floor=0.1)" },
            { "name": "radam", "schedule": "constant()", "optimizer": "radam" },
            { "name": "guarded", "schedule": "constant()", "guards": ["zclip", "skip"] },
            { "name": "auto", "schedule": "auto()", "optional": true },
          ]
        }
        """;

    [Fact]
    public void A_full_grid_file_reads_every_field()
    {
        var g = Assert.Single(GridFile.Parse(Example, "g.json"));
        Assert.Equal("my-lm", g.CaseStudy);
        Assert.Equal(new ModelSettings("transformer", Layers: 1, Dim: 32, Heads: 2, Context: 32, PreLn: false), g.Model);
        Assert.Equal(new OptimizerSettings("adamw", Beta2: 0.98, Eps: 1e-9, WeightDecay: 0.01), g.Optimizer);
        Assert.Equal((16, 120L, (double?)null), (g.Batch, g.Steps!.Value, g.Epochs));
        Assert.Equal([1e-3, 4e-3], g.Peaks);
        Assert.Equal([1, 2], g.Seeds);
        Assert.Equal(0.3, g.CollapseMargin);
        Assert.Equal(["none", "radam", "guarded", "auto"], g.Arms.Select(a => a.Name));
        Assert.Equal("radam", g.Arms[1].Optimizer);
        Assert.Equal(["zclip", "skip"], g.Arms[2].Guards!);
        Assert.True(g.Arms[3].Optional);
    }

    [Fact]
    public void Several_grids_in_one_file()
    {
        var two = $"{{ \"grids\": [ {Example}, {Example.Replace("my-lm", "other")} ] }}";
        Assert.Equal(["my-lm", "other"], GridFile.Parse(two, "g.json").Select(g => g.CaseStudy));
    }

    [Theory]
    [InlineData("\"peaks\": [1e-3, 4e-3]", "\"peaks\": [1e-3, \"big\"]", "g.json: $.peaks[1]: expected a number but found \"big\"")]
    [InlineData("\"peaks\": [1e-3, 4e-3]", "\"peaks\": [1e-3, -1]", "g.json: $.peaks[1]: must be > 0 but was -1")]
    [InlineData("\"batch\": 16", "\"bacth\": 16", "g.json: $.bacth: unknown field (did you mean 'batch'?)")]
    [InlineData("\"kind\": \"transformer\"", "\"kind\": \"rnn\"", "g.json: $.model.kind: 'rnn' is not one of mlp, cnn, deep-mlp, transformer")]
    [InlineData("\"data\": \"text\"", "\"data\": \"fashion-mnist\"", "g.json: $.model.kind: model 'transformer' does not fit data 'fashion-mnist' (transformer trains on text, the others on fashion-mnist)")]
    [InlineData("\"steps\": 120", "\"epochs\": 2, \"steps\": 120", "g.json: $: give exactly one of \"steps\" or \"epochs\"")]
    [InlineData("\"beta2\": 0.98", "\"beta2\": 1.5", "g.json: $.optimizer.beta2: must be in [0, 1) but was 1.5")]
    [InlineData("[\"zclip\", \"skip\"]", "[\"zclip\", \"skp\"]", "g.json: $.arms[2].guards[1]: unknown guard 'skp' (use zclip, skip, clip)")]
    [InlineData("{ \"name\": \"radam\", \"schedule\": \"constant()\", \"optimizer\": \"radam\" }", "{ \"name\": \"radam\" }", "g.json: $.arms[1].schedule: missing")]
    public void Value_mistakes_name_the_json_path(string from, string to, string message)
    {
        Assert.Contains(from, Example);
        var e = Assert.Throws<GridFileException>(() => GridFile.Parse(Example.Replace(from, to), "g.json"));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Syntax_mistakes_name_the_line()
    {
        var e = Assert.Throws<GridFileException>(() => GridFile.Parse(Example.Replace("\"batch\": 16,", "\"batch\": 16,,"), "g.json"));
        Assert.StartsWith("g.json:7: ',' is an invalid start of a property name", e.Message);
        Assert.Equal("7", e.Where);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var e = Assert.Throws<GridFileException>(() => GridFile.Read("/nonexistent/grid.json"));
        Assert.StartsWith("/nonexistent/grid.json: ", e.Message);
    }
}
