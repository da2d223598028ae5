using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Money;

namespace EmbeddedFinance.Core.Merchants;

public sealed record CreateMerchantCommand(string Name, Country Country, Currency DefaultCurrency);
