using Ramp.Schedules;
using Ramp.Training.Guards;

namespace Ramp.Training.Tests.Guards;

public sealed class GuardChainTests
{
    [Fact]
    public void The_chain_holds_the_guards_turned_on_in_the_order_they_act()
    {
        var all = new GuardChain(new GuardOptions(new NormClipOptions(), new AgcOptions(), new ZClipOptions(), new SpikeSkipOptions(), new RollbackOptions()));
        Assert.Equal(["clip", "agc", "zclip", "skip", "rollback"], all.Guards.Select(g => g.Name));
        Assert.Equal(2, all.DeviceValueCount);
        Assert.NotNull(all.Rollback);
        var none = new GuardChain(GuardOptions.None);
        Assert.Empty(none.Guards);
        Assert.False(none.NeedsGlobalNorm);
        Assert.Null(none.Rollback);
        Assert.False(new GuardChain(new GuardOptions(Agc: new AgcOptions())).NeedsGlobalNorm);
    }

    [Fact]
    public void A_bad_option_is_refused_when_the_chain_is_built()
    {
        var e = Assert.Throws<RampArgumentException>(() => new GuardChain(new GuardOptions(Clip: new NormClipOptions(-1))));
        Assert.Equal("MaxNorm", e.ParamName);
    }

    [Fact]
    public void States_round_trip_by_name_and_a_roll_back_keeps_the_count_of_roll_backs()
    {
        var options = new GuardOptions(ZClip: new ZClipOptions(Warmup: 2), SkipSpikes: new SpikeSkipOptions(Window: 4, MinCount: 2), Rollback: new RollbackOptions());
        var chain = new GuardChain(options);
        var zclip = (ZClip)chain.Guards[0];
        var skip = (SpikeSkip)chain.Guards[1];
        foreach (var x in new[] { 1.0, 2.0, 3.0 }) { zclip.Decide(x, out _); skip.Decide(x, x); }
        chain.Rollback!.RolledBack(10);
        var saved = chain.SaveState();
        var copy = new GuardChain(options);
        copy.RestoreState(saved, rollingBack: false);
        Assert.Equal(zclip.Moments, ((ZClip)copy.Guards[0]).Moments);
        Assert.Equal(skip.Losses.Snapshot(), ((SpikeSkip)copy.Guards[1]).Losses.Snapshot());
        Assert.Equal(1, copy.Rollback!.State.Rollbacks);
        copy.Rollback.RolledBack(20);
        copy.RestoreState(saved, rollingBack: true);
        Assert.Equal(2, copy.Rollback.State.Rollbacks); // a roll-back restores the checkpoint, not the count
        copy.RestoreState(null, rollingBack: false);
        Assert.Equal(0, copy.Rollback.State.Rollbacks);
        Assert.Empty(((SpikeSkip)copy.Guards[1]).Losses.Snapshot());
    }

    [Fact]
    public void The_roll_back_guard_says_stop_once_its_roll_backs_are_used_up()
    {
        var trigger = new RollbackTrigger(new RollbackOptions(MaxRollbacks: 1));
        Assert.Equal(GuardAction.RollBack, Decide(trigger, nonFinite: true).Action);
        trigger.RolledBack(5);
        var stop = Decide(trigger, nonFinite: true);
        Assert.Equal(GuardAction.Stop, stop.Action);
        Assert.StartsWith("no roll-back left after 1 (the loss or a gradient was not finite)", stop.Reason);
    }

    private static GuardDecision Decide(RollbackTrigger trigger, bool nonFinite)
    {
        using var loss = TorchSharp.torch.tensor(nonFinite ? double.NaN : 1.0);
        using var norm = TorchSharp.torch.tensor(1.0);
        return trigger.Decide(new GuardStep(3, loss, norm, [], [], 1));
    }
}
