namespace EmbeddedFinance.Core.Common;

/// <summary>Test (sandbox) or live. Keys carry one; data of one mode is invisible to the other.</summary>
public enum Mode
{
    Test,
    Live,
}
