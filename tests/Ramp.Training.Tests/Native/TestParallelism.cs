// TorchSharp models draw their initial weights from torch's global generator (manual_seed), so tests that seed
// and build models must not interleave with other tests drawing from it: the whole assembly runs serially.
// Assembly-wide; declared once here.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
