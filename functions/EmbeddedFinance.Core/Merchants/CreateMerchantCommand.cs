using EmbeddedFinance.Core.Amounts;
using EmbeddedFinance.Core.Common;

namespace EmbeddedFinance.Core.Merchants;

public sealed record CreateMerchantCommand(string Name, Country Country, Currency DefaultCurrency);
