namespace EmbeddedFinance.Core.Vault;

public enum CardBrand
{
    Visa,
    Mastercard,
    Amex,
    Discover,
    Diners,
    Jcb,
    Unionpay,
}
